namespace Cmms.Data.Tracks;

/// <summary>
///     The interaction totals of one track, read from the materialized view <c>mv_track_popularity</c> (Q23).
/// </summary>
/// <remarks>
///     Read-only and only as fresh as the view's last <c>REFRESH MATERIALIZED VIEW CONCURRENTLY</c>; a migration
///     creates the view and its unique index on <c>track_id</c>.
/// </remarks>
public sealed class TrackPopularity
{
    /// <summary>The track.</summary>
    public long TrackId { get; set; }

    /// <summary>How many times the track was played.</summary>
    public long Plays { get; set; }

    /// <summary>How many times the track was liked.</summary>
    public long Likes { get; set; }

    /// <summary>How many times the track was skipped.</summary>
    public long Skips { get; set; }

    /// <summary>When the last interaction with the track happened (UTC).</summary>
    public DateTime? LastInteractionAt { get; set; }
}
