namespace Cmms.Data.Machines;

/// <summary>The values of <see cref="Machine.Status" />.</summary>
public static class MachineStatus
{
    /// <summary>Running normally.</summary>
    public const string Operational = "operational";

    /// <summary>Stopped by a breakdown.</summary>
    public const string Down = "down";

    /// <summary>Stopped for planned maintenance.</summary>
    public const string Maintenance = "maintenance";

    /// <summary>Out of service for good; kept for its history.</summary>
    public const string Retired = "retired";
}
