using Cmms.Data.Orders;
using Cmms.Data.Users;

namespace Cmms.Data.Invitations;

/// <summary>An event invitation a customer bought and shares by its link.</summary>
public sealed class Invitation
{
    /// <summary>The identity key.</summary>
    public long Id { get; set; }

    /// <summary>The customer who owns the invitation.</summary>
    public long UserId { get; set; }

    /// <summary>The customer who owns the invitation.</summary>
    public User User { get; set; } = null!;

    /// <summary>The order that paid for the invitation.</summary>
    public long OrderId { get; set; }

    /// <summary>The order that paid for the invitation.</summary>
    public Order Order { get; set; } = null!;

    /// <summary>The template the invitation was made from.</summary>
    public long TemplateId { get; set; }

    /// <summary>The template the invitation was made from.</summary>
    public Template Template { get; set; } = null!;

    /// <summary>The unique path segment of the invitation's public link.</summary>
    public required string Slug { get; set; }

    /// <summary>Whether the invitation can be opened.</summary>
    public bool IsActive { get; set; } = true;

    /// <summary>The day of the event.</summary>
    public DateOnly EventDate { get; set; }

    /// <summary>When the public link stops working (UTC), or <see langword="null" /> when it never does.</summary>
    public DateTime? LinkExpiresAt { get; set; }

    /// <summary>When the invitation was created (UTC).</summary>
    public DateTime CreatedAt { get; set; }
}
