namespace Cmms.Data.Sample;

/// <summary>Where an order stands.</summary>
public enum OrderStatus
{
    Open,
    Shipped,
    Cancelled,
}
