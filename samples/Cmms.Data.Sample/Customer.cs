namespace Cmms.Data.Sample;

/// <summary>A customer of the shop, known by a unique e-mail address.</summary>
public sealed class Customer
{
    public long Id { get; set; }

    public required string Email { get; set; }

    public List<Order> Orders { get; } = [];
}
