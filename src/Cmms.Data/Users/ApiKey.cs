namespace Cmms.Data.Users;

/// <summary>An API key a user authenticates machine clients with; only its hash is stored.</summary>
public sealed class ApiKey
{
    /// <summary>The identity key.</summary>
    public long Id { get; set; }

    /// <summary>The owner.</summary>
    public long UserId { get; set; }

    /// <summary>The owner.</summary>
    public User User { get; set; } = null!;

    /// <summary>The unique hash of the key.</summary>
    public required string KeyHash { get; set; }

    /// <summary>Whether the key is accepted.</summary>
    public bool IsActive { get; set; } = true;

    /// <summary>When the key was issued (UTC).</summary>
    public DateTime CreatedAt { get; set; }
}
