namespace Cmms.Data.Conventions.Migrations.Linting;

/// <summary>How bad a migration lint finding is.</summary>
public enum MigrationLintSeverity
{
    /// <summary>Risky on a busy table, or a schema choice that costs later; review it.</summary>
    Warning,

    /// <summary>Blocks reads or writes of a populated table for a long time, or breaks the running application version.</summary>
    Error,
}
