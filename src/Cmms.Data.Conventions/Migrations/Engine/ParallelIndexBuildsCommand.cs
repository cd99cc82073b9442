using System.Runtime.ExceptionServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Npgsql.EntityFrameworkCore.PostgreSQL.Storage.Internal;

namespace Cmms.Data.Conventions.Migrations.Engine;

/// <summary>
///     A run of consecutive concurrent index builds of one migration, on more than one table, as one command outside any
///     transaction: the builds of each table run one after another, the tables in up to <c>sessions</c> sessions at once
///     (the migration's own connection and unpooled clones of it). Each build is its own
///     <see cref="GuardedStatementsCommand" />, so it keeps its <c>lock_timeout</c>, its rerunnable statements and its
///     cleanup. EF Core's migrator sees one command: the drops after it and the history row run only once every build
///     succeeded, and a retry reruns the whole group, where the finished builds are no-ops (<c>IF NOT EXISTS</c>).
/// </summary>
/// <remarks>
///     Only one concurrent build runs per table: each takes a SHARE UPDATE EXCLUSIVE lock, which conflicts with itself,
///     so a second build of the same table would only wait (and hit <c>lock_timeout</c>).
///     https://www.postgresql.org/docs/current/explicit-locking.html#LOCKING-TABLES
///     When a build fails, no new build starts. A lock timeout or a lost connection lets the running builds finish, since
///     the retry skips what they built; any other failure cancels them (each cancelled build drops its INVALID index), and
///     the run ends with one line naming the failed build.
/// </remarks>
internal sealed class ParallelIndexBuildsCommand : MigrationCommand
{
    private readonly IReadOnlyList<GuardedStatementsCommand> _builds;
    private readonly int _sessions;
    private readonly MigrationRunState _run;

    private ParallelIndexBuildsCommand(
        IReadOnlyList<GuardedStatementsCommand> builds,
        int sessions,
        MigrationRunState run,
        IRelationalCommand command,
        DbContext? context,
        IRelationalCommandDiagnosticsLogger logger)
        : base(command, context, logger, transactionSuppressed: true)
    {
        _builds = builds;
        _sessions = sessions;
        _run = run;
    }

    /// <summary>
    ///     <paramref name="commands" /> with each run of two or more consecutive concurrent index builds, on at least two
    ///     tables, replaced by one parallel command; unchanged when <paramref name="sessions" /> is one.
    /// </summary>
    public static IReadOnlyList<MigrationCommand> Group(
        IReadOnlyList<MigrationCommand> commands,
        int sessions,
        MigrationRunState run,
        Func<string, IRelationalCommand> build,
        DbContext? context,
        IRelationalCommandDiagnosticsLogger logger)
    {
        if (sessions <= 1)
        {
            return commands;
        }

        var grouped = new List<MigrationCommand>(commands.Count);
        var builds = new List<GuardedStatementsCommand>();
        foreach (var command in commands.Append(null))
        {
            if (command is GuardedStatementsCommand { IndexBuild: not null } indexBuild)
            {
                builds.Add(indexBuild);
                continue;
            }

            if (builds.Select(b => b.IndexBuild!.Table).Distinct(StringComparer.Ordinal).Count() > 1)
            {
                var text = build(string.Join(Environment.NewLine, builds.Select(b => b.CommandText)));
                grouped.Add(new ParallelIndexBuildsCommand([.. builds], sessions, run, text, context, logger));
            }
            else
            {
                grouped.AddRange(builds);
            }

            builds.Clear();
            if (command is not null)
            {
                grouped.Add(command);
            }
        }

        return grouped;
    }

    // dotnet ef database update and efbundle migrate synchronously: the sessions still run at once, and the caller waits.
    public override int ExecuteNonQuery(IRelationalConnection connection, IReadOnlyDictionary<string, object?>? parameterValues = null)
        => ExecuteAsync(connection, parameterValues, CancellationToken.None).GetAwaiter().GetResult();

    public override Task<int> ExecuteNonQueryAsync(
        IRelationalConnection connection,
        IReadOnlyDictionary<string, object?>? parameterValues = null,
        CancellationToken cancellationToken = default)
        => ExecuteAsync(connection, parameterValues, cancellationToken);

    private async Task<int> ExecuteAsync(
        IRelationalConnection connection,
        IReadOnlyDictionary<string, object?>? parameterValues,
        CancellationToken cancellationToken)
    {
        var tables = new Queue<List<GuardedStatementsCommand>>(_builds.GroupBy(b => b.IndexBuild!.Table, StringComparer.Ordinal).Select(g => g.ToList()));
        // The migration's own connection is watched already (MigrationRunState.MigrationSession); the others register their backend pids.
        var sessions = new List<(IRelationalConnection Connection, int? ProcessId)> { (connection, null) };
        var failures = new List<(string Index, Exception Error)>();
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        try
        {
            while (sessions.Count < Math.Min(_sessions, tables.Count))
            {
                sessions.Add(await OpenSessionAsync(connection, sessions.Count, cancel.Token).ConfigureAwait(false));
            }

            await Task.WhenAll(sessions.Select(session =>
                    Task.Run(() => BuildTablesAsync(session.Connection, tables, failures, parameterValues, cancel), CancellationToken.None)))
                .ConfigureAwait(false);
        }
        finally
        {
            foreach (var (session, processId) in sessions.Skip(1))
            {
                _run.BuildSessions.TryRemove(processId!.Value, out _);
                await CloseSessionAsync(session).ConfigureAwait(false);
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (failures.Count > 0)
        {
            var (index, error) = failures[0];
            if (IsRetryable(error))
            {
                // The retry strategy retries the migration; its failure line names the blockers or the lost connection.
                ExceptionDispatchInfo.Throw(error);
            }

            throw new SafeMigrationException(
                $"{_run.CurrentMigrationName ?? "The migration"}: building {SessionInfo.Printable(index)} failed ({SessionInfo.Printable(Describe(error))}); "
                + "the other index builds running beside it were stopped and their unfinished indexes dropped, and the migration is "
                + "not recorded as applied: fix the cause, then run the migration again (the indexes already built are kept).",
                error);
        }

        return 0;
    }

    private static async Task BuildTablesAsync(
        IRelationalConnection session,
        Queue<List<GuardedStatementsCommand>> tables,
        List<(string Index, Exception Error)> failures,
        IReadOnlyDictionary<string, object?>? parameterValues,
        CancellationTokenSource cancel)
    {
        while (Next(tables, failures) is { } builds)
        {
            foreach (var build in builds)
            {
                if (!await TryBuildAsync(session, build, failures, parameterValues, cancel).ConfigureAwait(false))
                {
                    return;
                }
            }
        }
    }

    private static async Task<bool> TryBuildAsync(
        IRelationalConnection session,
        GuardedStatementsCommand build,
        List<(string Index, Exception Error)> failures,
        IReadOnlyDictionary<string, object?>? parameterValues,
        CancellationTokenSource cancel)
    {
        try
        {
            await build.ExecuteNonQueryAsync(session, parameterValues, cancel.Token).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            return false;
        }
        catch (Exception ex)
        {
            lock (failures)
            {
                failures.Add((build.IndexBuild!.Index, ex));
            }

            // A lost session (a restart, or the lock guard ending the run's sessions) stops the builds beside it too: none
            // of them may go on while the run does not hold the lock, and the retry builds them again.
            if (!IsRetryable(ex) || MigrationRetryStrategy.IsConnectionLost(ex))
            {
                await cancel.CancelAsync().ConfigureAwait(false);
            }

            return false;
        }
    }

    // The next table's builds, or none once a build failed: nothing new starts after a failure.
    private static List<GuardedStatementsCommand>? Next(Queue<List<GuardedStatementsCommand>> tables, List<(string Index, Exception Error)> failures)
    {
        lock (failures)
        {
            return failures.Count == 0 && tables.TryDequeue(out var builds) ? builds : null;
        }
    }

#pragma warning disable EF1001 // CloneWith is Npgsql's internal API; it clones the context's connection (password, data source, callbacks included).
    private async Task<(IRelationalConnection, int?)> OpenSessionAsync(IRelationalConnection connection, int number, CancellationToken cancellationToken)
    {
        var template = (NpgsqlConnection)connection.DbConnection;
        var session = await ((INpgsqlRelationalConnection)connection)
            .CloneWith(MigrationConnections.DedicatedConnectionString(template, $"index build {number + 1}"), async: true, cancellationToken)
            .ConfigureAwait(false);
        try
        {
            await session.OpenAsync(cancellationToken).ConfigureAwait(false);
            var processId = await _run.BackendPids.OfAsync((NpgsqlConnection)session.DbConnection, async: true, cancellationToken).ConfigureAwait(false);

            // Registered as soon as it exists, so that the lock guard can end it even before its first build starts.
            _run.BuildSessions[processId] = true;
            return (session, processId);
        }
        catch
        {
            await CloseSessionAsync(session).ConfigureAwait(false);
            throw;
        }
    }
#pragma warning restore EF1001

    // The clone does not own its DbConnection: closing that ends the unpooled session.
    private static async Task CloseSessionAsync(IRelationalConnection session)
    {
        var dbConnection = session.DbConnection;
        await session.DisposeAsync().ConfigureAwait(false);
        await dbConnection.DisposeAsync().ConfigureAwait(false);
    }

    // The server's one-line message without its DETAIL (which Npgsql redacts anyway unless asked to include it).
    private static string Describe(Exception error)
        => MigrationRetryStrategy.Find<PostgresException>(error) is { } postgres
            ? $"{postgres.SqlState}: {postgres.MessageText}"
            : MigrationRetryStrategy.Describe(error);

    private static bool IsRetryable(Exception exception)
        => MigrationRetryStrategy.IsLockTimeout(exception) || MigrationRetryStrategy.IsConnectionLost(exception);
}
