namespace Cmms.Data.Conventions.Migrations.Engine;

/// <summary>What the preflight looks at, read under the migration lock before anything is written.</summary>
/// <param name="Database">The database's name.</param>
/// <param name="Context">The DbContext's name.</param>
/// <param name="HistoryTable">The history table, for messages.</param>
/// <param name="ServerVersion">The server's version.</param>
/// <param name="Applied">The migration ids in the history, oldest first (empty without a history table).</param>
/// <param name="Known">The migration ids of the context's migrations assembly.</param>
/// <param name="ExistingTables">The model's tables that already exist.</param>
internal sealed record PreflightFacts(
    string Database,
    string Context,
    string HistoryTable,
    Version ServerVersion,
    IReadOnlyList<string> Applied,
    IReadOnlyCollection<string> Known,
    IReadOnlyList<string> ExistingTables);

/// <summary>
///     Refuses, before anything is changed, to migrate a database the run would damage: an unsupported server, a history
///     that belongs to another application, a history with migrations this build does not know, or the context's tables
///     already made without migrations.
/// </summary>
internal static class MigrationPreflight
{
    /// <summary>The oldest PostgreSQL the engine supports (<see cref="SafeMigrationsDefaults.MinimumServerVersion" />).</summary>
    public static readonly Version MinimumServerVersion = SafeMigrationsDefaults.MinimumServerVersion;

    private const int NamesShown = 5;

    /// <summary>Throws a <see cref="SafeMigrationException" /> naming what is wrong, or returns when the run may go on.</summary>
    public static void Check(PreflightFacts facts, bool migratesToEmpty)
    {
        const string NothingChanged = "Nothing was changed.";
        if (facts.ServerVersion < MinimumServerVersion)
        {
            throw new SafeMigrationException(
                $"Database '{facts.Database}' runs PostgreSQL {facts.ServerVersion}; safe migrations need PostgreSQL {MinimumServerVersion.Major} or later. {NothingChanged}");
        }

        var unknown = facts.Applied.Where(id => !facts.Known.Contains(id)).ToList();
        if (unknown.Count > 0 && unknown.Count == facts.Applied.Count && facts.Known.Count > 0)
        {
            throw new SafeMigrationException(
                $"The migration history {facts.HistoryTable} of database '{facts.Database}' belongs to another application: none of its "
                + $"{unknown.Count} migration(s) ({List(unknown)}) is a migration of {facts.Context}. {ElsewhereAdvice(facts.Context)}");
        }

        if (unknown.Count > 0)
        {
            throw new SafeMigrationException(
                $"The migration history {facts.HistoryTable} of database '{facts.Database}' holds {unknown.Count} migration(s) that "
                + $"{facts.Context}'s migrations do not include ({List(unknown)}): a newer build of it migrated this database. "
                + $"Migrate with that build. {NothingChanged}");
        }

        if (facts.Applied.Count == 0 && facts.ExistingTables.Count > 0 && !migratesToEmpty)
        {
            throw new SafeMigrationException(
                $"Database '{facts.Database}' has no migration history for {facts.Context} but already has {facts.ExistingTables.Count} of its "
                + $"tables ({List(facts.ExistingTables)}): its schema was made without these migrations. Point the connection at an "
                + $"empty database or one migrated by {facts.Context}. {NothingChanged}");
        }
    }

    /// <summary>What to do about a history that is another application's.</summary>
    public static string ElsewhereAdvice(string context)
        => $"Point the connection at {context}'s database, or give {context} a history table of its own (MigrationsHistoryTable). Nothing was changed.";

    private static string List(IReadOnlyList<string> names)
        => string.Join(", ", names.Take(NamesShown)) + (names.Count > NamesShown ? $" and {names.Count - NamesShown} more" : string.Empty);
}
