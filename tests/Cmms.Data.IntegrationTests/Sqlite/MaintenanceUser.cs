namespace Cmms.Data.IntegrationTests.Sqlite;

/// <summary>A user of the small maintenance application (<see cref="MaintenanceContext" />).</summary>
public sealed class MaintenanceUser
{
    /// <summary>The key.</summary>
    public long Id { get; set; }

    /// <summary>The login name, unique.</summary>
    public string Username { get; set; } = string.Empty;

    /// <summary>The e-mail address.</summary>
    public string? Email { get; set; }
}
