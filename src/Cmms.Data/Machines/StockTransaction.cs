using Cmms.Data.Worksheets;

namespace Cmms.Data.Machines;

/// <summary>A movement of a part into or out of stock.</summary>
public sealed class StockTransaction
{
    /// <summary>The identity key.</summary>
    public long Id { get; set; }

    /// <summary>The part moved.</summary>
    public long PartId { get; set; }

    /// <summary>The part moved.</summary>
    public Part Part { get; set; } = null!;

    /// <summary>The worksheet the parts were used on, if any.</summary>
    public long? WorksheetId { get; set; }

    /// <summary>The worksheet the parts were used on, if any.</summary>
    public Worksheet? Worksheet { get; set; }

    /// <summary>The units moved: positive into stock, negative out of it, never zero.</summary>
    public int Quantity { get; set; }

    /// <summary>The external document of the movement (delivery note, invoice number, …), if any.</summary>
    public string? Reference { get; set; }

    /// <summary>When the movement happened (UTC).</summary>
    public DateTime OccurredAt { get; set; }
}
