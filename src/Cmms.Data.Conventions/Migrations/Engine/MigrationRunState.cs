using System.Collections.Concurrent;

namespace Cmms.Data.Conventions.Migrations.Engine;

/// <summary>What the pieces of one safe migration run share for their messages: the migration at hand and who blocked it.</summary>
internal sealed class MigrationRunState
{
    private int _migrationSession;

    /// <summary>The migration being applied or reverted (its id), once EF Core's migrator has started one.</summary>
    public string? CurrentMigration { get; set; }

    /// <summary>The current migration's name without its timestamp (<c>AddIndexes</c>), for messages.</summary>
    public string? CurrentMigrationName
        => CurrentMigration is { } id ? MigrationIds.NameOf(id) : null;

    /// <summary>
    ///     Whether the current migration's statements outside a transaction are all the engine's guarded, rerunnable ones
    ///     (and there are some), so that EF Core's warning about them is replaced (see <see cref="GuardedWarningFilter" />).
    /// </summary>
    public bool OnlyGuardedOutsideTransaction { get; set; }

    /// <summary>The sessions that blocked the migration's connection when last seen blocked.</summary>
    public IReadOnlyList<SessionInfo> LastBlockers { get; set; } = [];

    /// <summary>How the backend pids of the run's connections are learned.</summary>
    public BackendProcessIds BackendPids { get; } = new();

    /// <summary>
    ///     The backend pid of the migration's own connection while migration commands run on it (set by the
    ///     <see cref="SessionRecordingCommandExecutor" />), otherwise <see langword="null" />; read by the watch on another thread.
    /// </summary>
    public int? MigrationSession
    {
        get => Volatile.Read(ref _migrationSession) is var pid and not 0 ? pid : null;
        set => Volatile.Write(ref _migrationSession, value ?? 0);
    }

    /// <summary>The backend pids of the sessions building indexes in parallel right now, besides the migration's own connection.</summary>
    public ConcurrentDictionary<int, bool> BuildSessions { get; } = new();
}
