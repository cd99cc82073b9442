namespace Cmms.Data.Machines;

/// <summary>A production line of the plant; machines belong to one.</summary>
public sealed class ProductionLine
{
    /// <summary>The identity key.</summary>
    public long Id { get; set; }

    /// <summary>The unique display name.</summary>
    public required string Name { get; set; }

    /// <summary>The short code printed on labels and reports.</summary>
    public required string Code { get; set; }
}
