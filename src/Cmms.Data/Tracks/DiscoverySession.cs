using Cmms.Data.Users;

namespace Cmms.Data.Tracks;

/// <summary>A listener's search for new music.</summary>
public sealed class DiscoverySession
{
    /// <summary>The identity key.</summary>
    public long Id { get; set; }

    /// <summary>The listener.</summary>
    public long UserId { get; set; }

    /// <summary>The listener.</summary>
    public User User { get; set; } = null!;

    /// <summary>When the session started (UTC).</summary>
    public DateTime StartedAt { get; set; }

    /// <summary>What the listener asked for, as typed.</summary>
    public string? Query { get; set; }
}
