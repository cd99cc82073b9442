using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cmms.Data.Tracks.Configuration;

internal sealed class DiscoverySessionEntityTypeConfiguration : IEntityTypeConfiguration<DiscoverySession>
{
    public void Configure(EntityTypeBuilder<DiscoverySession> builder)
    {
        builder.ToTable("discovery_sessions");

        builder.HasKey(x => x.Id);

        builder.HasOne(x => x.User).WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);

        builder.HasIndex(x => new { x.UserId, x.StartedAt }, "ix_discovery_sessions_user_id_started_at").IsDescending(false, true); // a listener's sessions, newest first
    }
}
