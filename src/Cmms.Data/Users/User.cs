using System.Text.Json;
using Cmms.Data.Orders;

namespace Cmms.Data.Users;

/// <summary>A person who signs in: customer, technician, data scientist or administrator.</summary>
public sealed class User
{
    /// <summary>The identity key.</summary>
    public long Id { get; set; }

    /// <summary>The unique login name.</summary>
    public required string Username { get; set; }

    /// <summary>The e-mail address as entered.</summary>
    public required string Email { get; set; }

    /// <summary>The upper-cased e-mail address used for unique lookups at login (Q25).</summary>
    public required string NormalizedEmail { get; set; }

    /// <summary>The user's role.</summary>
    public long RoleId { get; set; }

    /// <summary>The user's role.</summary>
    public Role Role { get; set; } = null!;

    /// <summary>Whether the account may sign in.</summary>
    public bool IsActive { get; set; } = true;

    /// <summary>Whether the phone number was verified with a code.</summary>
    public bool IsPhoneVerified { get; set; }

    /// <summary>Whether an administrator blocked the account.</summary>
    public bool IsBlocked { get; set; }

    /// <summary>The plan the user is subscribed to, if any.</summary>
    public long? CurrentPlanId { get; set; }

    /// <summary>The plan the user is subscribed to, if any.</summary>
    public Plan? CurrentPlan { get; set; }

    /// <summary>When the account was created (UTC).</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>When the user last signed in (UTC).</summary>
    public DateTime? LastLoginAt { get; set; }

    /// <summary>Free-form user preferences (jsonb).</summary>
    public JsonDocument? Preferences { get; set; }
}
