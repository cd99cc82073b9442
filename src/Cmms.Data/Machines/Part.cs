namespace Cmms.Data.Machines;

/// <summary>A spare part kept in stock.</summary>
public sealed class Part
{
    /// <summary>The identity key.</summary>
    public long Id { get; set; }

    /// <summary>The unique part number.</summary>
    public required string PartNumber { get; set; }

    /// <summary>The display name.</summary>
    public required string Name { get; set; }

    /// <summary>The units in stock, never negative.</summary>
    public int QuantityOnHand { get; set; }

    /// <summary>The cost of one unit, numeric(12,2), never negative.</summary>
    public decimal UnitCost { get; set; }
}
