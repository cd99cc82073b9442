using System.Collections.Concurrent;

namespace Cmms.Data.Conventions.Migrations.Engine;

/// <summary>What the pieces of one safe migration run share for their messages: the migration at hand and who blocked it.</summary>
internal sealed class MigrationRunState
{
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

    /// <summary>The backend pids of the sessions building indexes in parallel right now, besides the migration's own connection.</summary>
    public ConcurrentDictionary<int, bool> BuildSessions { get; } = new();
}
