using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cmms.Data.Tracks.Configuration;

internal sealed class AlbumEntityTypeConfiguration : IEntityTypeConfiguration<Album>
{
    public void Configure(EntityTypeBuilder<Album> builder)
    {
        builder.ToTable("albums", t => t.HasCheckConstraint("ck_albums_total_tracks", "total_tracks >= 0"));

        builder.HasKey(x => x.Id);

        builder.Property(x => x.Title).HasMaxLength(300);

        builder.HasOne(x => x.Artist).WithMany().HasForeignKey(x => x.ArtistId).OnDelete(DeleteBehavior.Restrict);

        builder.HasIndex(x => new { x.ArtistId, x.ReleaseDate }, "ix_albums_artist_id_release_date").IsDescending(false, true); // an artist's discography, newest first
    }
}
