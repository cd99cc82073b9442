namespace Cmms.Data.Users;

/// <summary>A signed-in session of a user; only the hash of its token is stored.</summary>
public sealed class UserSession
{
    /// <summary>The identity key.</summary>
    public long Id { get; set; }

    /// <summary>The signed-in user.</summary>
    public long UserId { get; set; }

    /// <summary>The signed-in user.</summary>
    public User User { get; set; } = null!;

    /// <summary>The unique hash of the session token.</summary>
    public required string TokenHash { get; set; }

    /// <summary>When the session started (UTC).</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>When the session stops being accepted (UTC).</summary>
    public DateTime ExpiresAt { get; set; }

    /// <summary>When the session was revoked (UTC), if it was; a live session has none.</summary>
    public DateTime? RevokedAt { get; set; }
}
