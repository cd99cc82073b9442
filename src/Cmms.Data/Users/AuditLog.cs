using System.Text.Json;

namespace Cmms.Data.Users;

/// <summary>One change to an audited row: who changed which entity, how, and when.</summary>
public sealed class AuditLog
{
    /// <summary>The identity key.</summary>
    public long Id { get; set; }

    /// <summary>The user who made the change, if a user did (and the user still exists).</summary>
    public long? UserId { get; set; }

    /// <summary>The user who made the change, if a user did (and the user still exists).</summary>
    public User? User { get; set; }

    /// <summary>The kind of entity changed (<c>worksheet</c>, <c>machine</c>, …).</summary>
    public required string EntityType { get; set; }

    /// <summary>The key of the changed row, as text so that composite keys fit too.</summary>
    public required string EntityId { get; set; }

    /// <summary>What was done, one of <see cref="AuditAction" />.</summary>
    public string Action { get; set; } = AuditAction.Update;

    /// <summary>When the change happened (UTC).</summary>
    public DateTime OccurredAt { get; set; }

    /// <summary>The changed values, old and new (jsonb).</summary>
    public JsonDocument? Changes { get; set; }
}
