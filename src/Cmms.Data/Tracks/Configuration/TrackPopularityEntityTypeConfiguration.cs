using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cmms.Data.Tracks.Configuration;

internal sealed class TrackPopularityEntityTypeConfiguration : IEntityTypeConfiguration<TrackPopularity>
{
    public void Configure(EntityTypeBuilder<TrackPopularity> builder)
    {
        // A materialized view that a migration creates with raw SQL (EF Core has no API for materialized views);
        // mapping it with ToView keeps EF Core from creating a table for it.
        builder.ToView("mv_track_popularity");

        builder.HasNoKey();
    }
}
