namespace Cmms.Data.Orders;

/// <summary>The values of <see cref="Order.Status" />.</summary>
public static class OrderStatus
{
    /// <summary>Placed, awaiting payment or approval.</summary>
    public const string Pending = "pending";

    /// <summary>Paid and approved.</summary>
    public const string Approved = "approved";

    /// <summary>Cancelled by the buyer.</summary>
    public const string Cancelled = "cancelled";

    /// <summary>Refunded after approval.</summary>
    public const string Refunded = "refunded";
}
