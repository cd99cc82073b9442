namespace Cmms.Data.Users;

/// <summary>A one-time code sent to a user's phone to verify it; only the hash of the code is stored.</summary>
public sealed class PhoneVerification
{
    /// <summary>The identity key.</summary>
    public long Id { get; set; }

    /// <summary>The user verifying a phone number.</summary>
    public long UserId { get; set; }

    /// <summary>The user verifying a phone number.</summary>
    public User User { get; set; } = null!;

    /// <summary>The hash of the code.</summary>
    public required string CodeHash { get; set; }

    /// <summary>Whether the code was already used.</summary>
    public bool IsUsed { get; set; }

    /// <summary>When the code stops being accepted (UTC).</summary>
    public DateTime ExpiresAt { get; set; }

    /// <summary>When the code was sent (UTC).</summary>
    public DateTime CreatedAt { get; set; }
}
