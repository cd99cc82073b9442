using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cmms.Data.Invitations.Configuration;

internal sealed class GuestEntityTypeConfiguration : IEntityTypeConfiguration<Guest>
{
    public void Configure(EntityTypeBuilder<Guest> builder)
    {
        builder.ToTable("guests");

        builder.HasKey(x => x.Id);

        builder.Property(x => x.Name).HasMaxLength(200);
        builder.Property(x => x.Phone).HasMaxLength(32);

        builder.HasOne(x => x.Invitation).WithMany().HasForeignKey(x => x.InvitationId).OnDelete(DeleteBehavior.Cascade);

        builder.HasIndex(x => new { x.InvitationId, x.Phone }).HasDatabaseName("ux_guests_invitation_id_phone").IsUnique(); // Q4
        builder.HasIndex(x => new { x.InvitationId, x.ViewedAt }, "ix_guests_invitation_id_viewed_at").IsDescending(false, true); // guests of an invitation, latest viewers first
        builder.HasIndex(x => new { x.InvitationId, x.Attending }, "ix_guests_invitation_id_attending"); // RSVP counts of an invitation
        builder.HasIndex(x => x.Attending, "ix_guests_attending"); // RSVP statistics across invitations
    }
}
