using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cmms.Data.Invitations.Configuration;

internal sealed class InvitationViewLogEntityTypeConfiguration : IEntityTypeConfiguration<InvitationViewLog>
{
    public void Configure(EntityTypeBuilder<InvitationViewLog> builder)
    {
        builder.ToTable("invitation_view_logs");

        builder.HasKey(x => x.Id);

        builder.HasOne(x => x.Invitation).WithMany().HasForeignKey(x => x.InvitationId).OnDelete(DeleteBehavior.Cascade);

        builder.HasIndex(x => new { x.InvitationId, x.ViewedAt }, "ix_invitation_view_logs_invitation_id_viewed_at").IsDescending(false, true); // views of an invitation, newest first
        builder.HasIndex(x => x.ViewedAt, "ix_invitation_view_logs_viewed_at"); // views in a time window
        builder.HasIndex(x => new { x.IpAddress, x.ViewedAt }, "ix_invitation_view_logs_ip_address_viewed_at"); // views from one address (abuse checks)
    }
}
