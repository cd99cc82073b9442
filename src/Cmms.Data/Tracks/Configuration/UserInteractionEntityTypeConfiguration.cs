using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cmms.Data.Tracks.Configuration;

internal sealed class UserInteractionEntityTypeConfiguration : IEntityTypeConfiguration<UserInteraction>
{
    public void Configure(EntityTypeBuilder<UserInteraction> builder)
    {
        builder.ToTable("user_interactions");

        builder.HasKey(x => x.Id);

        builder.Property(x => x.InteractionType).HasMaxLength(20);

        builder.HasOne(x => x.User).WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(x => x.Track).WithMany().HasForeignKey(x => x.TrackId).OnDelete(DeleteBehavior.Cascade);

        builder.HasIndex(x => new { x.UserId, x.CreatedAt }, "ix_user_interactions_user_id_created_at").IsDescending(false, true); // Q22
        builder.HasIndex(x => new { x.TrackId, x.InteractionType }, "ix_user_interactions_track_id_interaction_type"); // a track's plays/likes/skips; feeds mv_track_popularity
    }
}
