using Cmms.Data.Users;

namespace Cmms.Data.Orders;

/// <summary>A purchase of a plan by a user.</summary>
public sealed class Order
{
    /// <summary>The identity key.</summary>
    public long Id { get; set; }

    /// <summary>The buyer.</summary>
    public long UserId { get; set; }

    /// <summary>The buyer.</summary>
    public User User { get; set; } = null!;

    /// <summary>The plan bought.</summary>
    public long PlanId { get; set; }

    /// <summary>The plan bought.</summary>
    public Plan Plan { get; set; } = null!;

    /// <summary>The order status, one of <see cref="OrderStatus" />.</summary>
    public string Status { get; set; } = OrderStatus.Pending;

    /// <summary>The amount charged, numeric(12,2), never negative.</summary>
    public decimal TotalAmount { get; set; }

    /// <summary>When the order was placed (UTC).</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>When the order was approved (UTC), if it was.</summary>
    public DateTime? ApprovedAt { get; set; }
}
