using Cmms.Data.Machines;

namespace Cmms.Data.Worksheets;

/// <summary>A part used on a worksheet, and how many units of it.</summary>
public sealed class WorksheetPart
{
    /// <summary>The worksheet; with <see cref="PartId" />, the key.</summary>
    public long WorksheetId { get; set; }

    /// <summary>The worksheet.</summary>
    public Worksheet Worksheet { get; set; } = null!;

    /// <summary>The part; with <see cref="WorksheetId" />, the key.</summary>
    public long PartId { get; set; }

    /// <summary>The part.</summary>
    public Part Part { get; set; } = null!;

    /// <summary>The units used, always positive.</summary>
    public int Quantity { get; set; }
}
