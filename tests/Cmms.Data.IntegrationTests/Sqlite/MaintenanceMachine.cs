namespace Cmms.Data.IntegrationTests.Sqlite;

/// <summary>A machine of the small maintenance application (<see cref="MaintenanceContext" />).</summary>
public sealed class MaintenanceMachine
{
    /// <summary>The key.</summary>
    public long Id { get; set; }

    /// <summary>The site the machine stands at.</summary>
    public string Site { get; set; } = string.Empty;

    /// <summary>The machine's code within its site.</summary>
    public string Code { get; set; } = string.Empty;
}
