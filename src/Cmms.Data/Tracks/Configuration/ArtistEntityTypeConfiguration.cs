using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cmms.Data.Tracks.Configuration;

internal sealed class ArtistEntityTypeConfiguration : IEntityTypeConfiguration<Artist>
{
    public void Configure(EntityTypeBuilder<Artist> builder)
    {
        builder.ToTable("artists");

        builder.HasKey(x => x.Id);

        builder.Property(x => x.Name).HasMaxLength(200);
        builder.Property(x => x.NormalizedName).HasMaxLength(200);
        builder.Property(x => x.Metadata).HasColumnType("jsonb");
        builder.HasGeneratedTsVectorColumn(x => x.SearchVector, "english", x => new { x.Name });

        builder.HasIndex(x => x.NormalizedName, "ix_artists_normalized_name"); // artist matching on import
        builder.HasIndex(x => x.SearchVector, "ix_artists_search_vector").HasMethod("gin"); // artists matching a full-text search
    }
}
