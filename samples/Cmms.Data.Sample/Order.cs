namespace Cmms.Data.Sample;

/// <summary>An order a customer placed.</summary>
public sealed class Order
{
    public long Id { get; set; }

    public long CustomerId { get; set; }

    public Customer Customer { get; set; } = null!;

    public OrderStatus Status { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
