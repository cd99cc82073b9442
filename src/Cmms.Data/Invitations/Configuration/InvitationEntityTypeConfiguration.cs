using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cmms.Data.Invitations.Configuration;

internal sealed class InvitationEntityTypeConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> builder)
    {
        builder.ToTable("invitations");

        builder.HasKey(x => x.Id);

        builder.Property(x => x.Slug).HasMaxLength(100);

        builder.HasOne(x => x.User).WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(x => x.Order).WithMany().HasForeignKey(x => x.OrderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(x => x.Template).WithMany().HasForeignKey(x => x.TemplateId).OnDelete(DeleteBehavior.Restrict);

        builder.HasIndex(x => x.Slug).HasDatabaseName("ux_invitations_slug").IsUnique(); // public link lookup; slugs are unique
        builder.HasIndex(x => new { x.UserId, x.IsActive }, "ix_invitations_user_id_is_active"); // Q3
        builder.HasIndex(x => new { x.UserId, x.CreatedAt }, "ix_invitations_user_id_created_at").IsDescending(false, true); // a customer's invitations, newest first
        builder.HasIndex(x => new { x.IsActive, x.LinkExpiresAt }, "ix_invitations_is_active_link_expires_at"); // expiry sweep of active links
        builder.HasIndex(x => x.EventDate, "ix_invitations_event_date"); // upcoming events by date
        builder.HasIndex(x => x.OrderId, "ix_invitations_order_id"); // the invitation of an order (FK, declared by the shop)
        builder.HasIndex(x => x.TemplateId, "ix_invitations_template_id"); // invitations made from a template (FK, declared by the shop)
    }
}
