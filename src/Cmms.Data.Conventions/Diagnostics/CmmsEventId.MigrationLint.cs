using Microsoft.Extensions.Logging;

namespace Cmms.Data.Conventions.Diagnostics;

/// <content>The migration linter's events, 72150–72159 of the migrations range.</content>
public static partial class CmmsEventId
{
    /// <summary>The first id of the migration linter's events.</summary>
    public const int MigrationLintBaseId = MigrationsBaseId + 50;

    private const string MigrationLintPrefix = "Cmms.Data.Migrations.Lint.";

    /// <summary>
    ///     Warning: a migration has an operation that blocks a populated table or breaks the running application version
    ///     (a lint rule of severity Error). Its event data is a <see cref="MigrationLintEventData" />.
    /// </summary>
    public static readonly EventId MigrationLintError = MakeLintId(0, nameof(MigrationLintError));

    /// <summary>
    ///     Warning: a migration has a risky operation or a costly column type (a lint rule of severity Warning).
    ///     Its event data is a <see cref="MigrationLintEventData" />.
    /// </summary>
    public static readonly EventId MigrationLintWarning = MakeLintId(1, nameof(MigrationLintWarning));

    /// <summary>
    ///     Debug: a lint finding was acknowledged in the migration with a reason. Its event data is a <see cref="MigrationLintEventData" />.
    /// </summary>
    public static readonly EventId MigrationLintAcknowledged = MakeLintId(2, nameof(MigrationLintAcknowledged));

    private static EventId MakeLintId(int offset, string name) => new(MigrationLintBaseId + offset, MigrationLintPrefix + name);
}
