using System.Text.Json;

namespace Cmms.Data.Users;

/// <summary>One thing a user did (signed in, changed a setting, viewed a page, …), kept for the activity history.</summary>
public sealed class UserActivityLog
{
    /// <summary>The identity key.</summary>
    public long Id { get; set; }

    /// <summary>The user who acted.</summary>
    public long UserId { get; set; }

    /// <summary>The user who acted.</summary>
    public User User { get; set; } = null!;

    /// <summary>What kind of activity it was (<c>login</c>, <c>password_change</c>, …).</summary>
    public required string ActivityType { get; set; }

    /// <summary>When it happened (UTC).</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>Free-form details of the activity (jsonb).</summary>
    public JsonDocument? Details { get; set; }
}
