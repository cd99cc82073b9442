namespace Cmms.Data.Orders;

/// <summary>A subscription plan customers buy (free, premium, business, …).</summary>
public sealed class Plan
{
    /// <summary>The identity key.</summary>
    public long Id { get; set; }

    /// <summary>The unique plan code.</summary>
    public required string Code { get; set; }

    /// <summary>The display name.</summary>
    public required string Name { get; set; }

    /// <summary>The price, numeric(12,2).</summary>
    public decimal Price { get; set; }

    /// <summary>Whether the plan is offered.</summary>
    public bool IsActive { get; set; } = true;

    /// <summary>The position in plan listings.</summary>
    public int SortOrder { get; set; }
}
