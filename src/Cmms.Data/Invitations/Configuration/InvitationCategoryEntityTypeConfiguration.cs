using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cmms.Data.Invitations.Configuration;

internal sealed class InvitationCategoryEntityTypeConfiguration : IEntityTypeConfiguration<InvitationCategory>
{
    public void Configure(EntityTypeBuilder<InvitationCategory> builder)
    {
        builder.ToTable("invitation_categories");

        builder.HasKey(x => x.Id);

        builder.Property(x => x.Code).HasMaxLength(50);
        builder.Property(x => x.Name).HasMaxLength(200);

        builder.HasIndex(x => x.Code).HasDatabaseName("ux_invitation_categories_code").IsUnique(); // category codes are unique; lookup by code
        builder.HasIndex(x => new { x.IsActive, x.SortOrder }, "ix_invitation_categories_is_active_sort_order"); // active categories in listing order
    }
}
