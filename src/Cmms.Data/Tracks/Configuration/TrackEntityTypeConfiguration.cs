using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cmms.Data.Tracks.Configuration;

internal sealed class TrackEntityTypeConfiguration : IEntityTypeConfiguration<Track>
{
    public void Configure(EntityTypeBuilder<Track> builder)
    {
        builder.ToTable("tracks", t =>
        {
            t.HasCheckConstraint("ck_tracks_duration_ms", "duration_ms >= 0");
            t.HasCheckConstraint("ck_tracks_play_count", "play_count >= 0");
        });

        builder.HasKey(x => x.Id);

        builder.Property(x => x.Title).HasMaxLength(300);
        builder.Property(x => x.Source).HasMaxLength(32);
        builder.Property(x => x.SourceId).HasMaxLength(200);
        builder.Property(x => x.Metadata).HasColumnType("jsonb");
        builder.HasGeneratedTsVectorColumn(x => x.SearchVector, "english", x => new { x.Title });

        builder.HasOne(x => x.Album).WithMany().HasForeignKey(x => x.AlbumId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(x => x.Artist).WithMany().HasForeignKey(x => x.ArtistId).OnDelete(DeleteBehavior.Restrict);

        builder.HasIndex(x => new { x.Source, x.SourceId }).HasDatabaseName("ux_tracks_source_source_id").IsUnique(); // Q20
        builder.HasIndex(x => x.SearchVector, "ix_tracks_search_vector").HasMethod("gin"); // Q19
        builder.HasIndex(x => x.Metadata, "ix_tracks_metadata").HasMethod("gin").HasOperators("jsonb_path_ops"); // Q21
        builder.HasIndex(x => new { x.ArtistId, x.CreatedAt }, "ix_tracks_artist_id_created_at").IsDescending(false, true); // an artist's tracks, newest first
        builder.HasIndex(x => x.CreatedAt, "ix_tracks_created_at").IsDescending(); // newest tracks
        builder.HasIndex(x => x.PlayCount).HasDatabaseName("ix_tracks_popular") // most played tracks, answered from the index alone
            .IsDescending()
            .IncludeProperties(x => x.Title)
            .HasFilter("play_count > 0");
    }
}
