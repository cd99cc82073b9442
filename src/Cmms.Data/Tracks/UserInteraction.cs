using Cmms.Data.Users;

namespace Cmms.Data.Tracks;

/// <summary>Something a listener did with a track: a play, a like or a skip.</summary>
public sealed class UserInteraction
{
    /// <summary>The identity key.</summary>
    public long Id { get; set; }

    /// <summary>The listener.</summary>
    public long UserId { get; set; }

    /// <summary>The listener.</summary>
    public User User { get; set; } = null!;

    /// <summary>The track.</summary>
    public long TrackId { get; set; }

    /// <summary>The track.</summary>
    public Track Track { get; set; } = null!;

    /// <summary>What the listener did, one of <see cref="Tracks.InteractionType" />.</summary>
    public required string InteractionType { get; set; }

    /// <summary>When it happened (UTC).</summary>
    public DateTime CreatedAt { get; set; }
}
