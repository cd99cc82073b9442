using Cmms.Data.Tracks;
using Microsoft.EntityFrameworkCore;

namespace Cmms.Data;

public partial class CmmsDbContext
{
    /// <summary>The artists.</summary>
    public DbSet<Artist> Artists => Set<Artist>();

    /// <summary>The albums.</summary>
    public DbSet<Album> Albums => Set<Album>();

    /// <summary>The tracks.</summary>
    public DbSet<Track> Tracks => Set<Track>();

    /// <summary>The listeners' discovery sessions.</summary>
    public DbSet<DiscoverySession> DiscoverySessions => Set<DiscoverySession>();

    /// <summary>The listeners' plays, likes and skips.</summary>
    public DbSet<UserInteraction> UserInteractions => Set<UserInteraction>();

    /// <summary>The interaction totals per track, from the materialized view <c>mv_track_popularity</c> (read-only).</summary>
    public DbSet<TrackPopularity> TrackPopularity => Set<TrackPopularity>();
}
