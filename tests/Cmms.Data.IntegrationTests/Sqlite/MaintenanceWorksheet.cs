namespace Cmms.Data.IntegrationTests.Sqlite;

/// <summary>A worksheet (a maintenance job on a machine) of the small maintenance application (<see cref="MaintenanceContext" />).</summary>
public sealed class MaintenanceWorksheet
{
    /// <summary>The key.</summary>
    public long Id { get; set; }

    /// <summary>The machine worked on.</summary>
    public long MachineId { get; set; }

    /// <summary>The machine worked on.</summary>
    public MaintenanceMachine Machine { get; set; } = null!;

    /// <summary>The user the worksheet is assigned to.</summary>
    public long AssigneeId { get; set; }

    /// <summary>The user the worksheet is assigned to.</summary>
    public MaintenanceUser Assignee { get; set; } = null!;

    /// <summary>When the worksheet was opened.</summary>
    public DateTime OpenedAt { get; set; }

    /// <summary>Whether the job is done.</summary>
    public bool Closed { get; set; }
}
