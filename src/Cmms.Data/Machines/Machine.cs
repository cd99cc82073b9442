using System.Text.Json;

namespace Cmms.Data.Machines;

/// <summary>A maintained asset on a production line.</summary>
public sealed class Machine
{
    /// <summary>The identity key.</summary>
    public long Id { get; set; }

    /// <summary>The manufacturer's unique serial number.</summary>
    public required string SerialNumber { get; set; }

    /// <summary>The production line the machine stands on.</summary>
    public long ProductionLineId { get; set; }

    /// <summary>The production line the machine stands on.</summary>
    public ProductionLine ProductionLine { get; set; } = null!;

    /// <summary>The display name.</summary>
    public required string Name { get; set; }

    /// <summary>The machine status, one of <see cref="MachineStatus" />.</summary>
    public string Status { get; set; } = MachineStatus.Operational;

    /// <summary>Technical attributes that vary by machine type (jsonb, searched with <c>@&gt;</c>).</summary>
    public JsonDocument? Attributes { get; set; }

    /// <summary>When the machine was registered (UTC).</summary>
    public DateTime CreatedAt { get; set; }
}
