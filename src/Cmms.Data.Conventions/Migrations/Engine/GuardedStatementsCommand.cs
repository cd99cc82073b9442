using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Cmms.Data.Conventions.Migrations.Engine;

/// <summary>
///     A migration command outside any transaction, as the safe migrator runs it: the session's <c>lock_timeout</c> is
///     set first and reset afterwards (a <c>SET LOCAL</c> has no effect outside a transaction, and a plain <c>SET</c>
///     must not stay on a pooled connection), its statements run one round trip each (PostgreSQL runs a multi-statement
///     batch as one implicit transaction, which <c>CREATE INDEX CONCURRENTLY</c> refuses), and when one fails the
///     cleanup statements run, one round trip each, so that a failed concurrent build never leaves its INVALID index
///     behind for the retry. A cleanup statement that fails with the same SQLSTATE as the failed statement explains it
///     (a rewrite checking the data again and raising its one line) and is thrown in its place.
///     A concurrent index build names its index and table (<see cref="IndexBuild" />), so that builds on different tables can run
///     in parallel sessions (<see cref="ParallelIndexBuildsCommand" />); a cancelled build runs its cleanup too.
/// </summary>
/// <remarks>
///     <c>client_connection_check_interval</c> (PostgreSQL 14+) makes the server notice a vanished client during a
///     long statement; otherwise a killed migrator's index build runs to its end.
///     https://www.postgresql.org/docs/current/runtime-config-connection.html#GUC-CLIENT-CONNECTION-CHECK-INTERVAL
/// </remarks>
internal sealed class GuardedStatementsCommand(
    IReadOnlyList<string> statements,
    IReadOnlyList<string> cleanup,
    bool rerunnable,
    TimeSpan lockTimeout,
    Func<string, IRelationalCommand> build,
    DbContext? context,
    IRelationalCommandDiagnosticsLogger logger,
    ConcurrentIndexBuild? indexBuild = null)
    : MigrationCommand(build(string.Join(Environment.NewLine, statements)), context, logger, transactionSuppressed: true)
{
    private const int ConnectionCheckIntervalMilliseconds = 1000;

    /// <summary>
    ///     Whether the statements are the generator's guarded ones (<c>IF NOT EXISTS</c>, <c>IF EXISTS</c>), which a rerun
    ///     repeats safely, rather than SQL a migration runs outside a transaction itself (<c>suppressTransaction: true</c>).
    /// </summary>
    public bool Rerunnable { get; } = rerunnable;

    /// <summary>The statements, one round trip each.</summary>
    public IReadOnlyList<string> Statements { get; } = statements;

    /// <summary>The index this command builds concurrently, and its table; otherwise <see langword="null" />.</summary>
    public ConcurrentIndexBuild? IndexBuild { get; } = indexBuild;

    public override int ExecuteNonQuery(IRelationalConnection connection, IReadOnlyDictionary<string, object?>? parameterValues = null)
        => ExecuteAsync(connection, parameterValues, async: false, CancellationToken.None).GetAwaiter().GetResult();

    public override Task<int> ExecuteNonQueryAsync(
        IRelationalConnection connection,
        IReadOnlyDictionary<string, object?>? parameterValues = null,
        CancellationToken cancellationToken = default)
        => ExecuteAsync(connection, parameterValues, async: true, cancellationToken);

    private async Task<int> ExecuteAsync(
        IRelationalConnection connection,
        IReadOnlyDictionary<string, object?>? parameterValues,
        bool async,
        CancellationToken cancellationToken)
    {
        var (set, reset) = SessionSettings(connection);
        if (set is not null)
        {
            await RunAsync(connection, set, parameterValues, async, cancellationToken).ConfigureAwait(false);
        }

        try
        {
            var result = 0;
            foreach (var statement in Statements)
            {
                result = await RunAsync(connection, statement, parameterValues, async, cancellationToken).ConfigureAwait(false);
            }

            return result;
        }
        // A cancelled build (another parallel build failed) ends with the INVALID index too: Npgsql reports the server's
        // 57014 as an OperationCanceledException.
        catch (Exception failure) when (cleanup.Count > 0 && failure is DbException or OperationCanceledException)
        {
            foreach (var statement in cleanup)
            {
                if (await TryRunAsync(connection, statement, async).ConfigureAwait(false) is PostgresException explanation
                    && failure is PostgresException { SqlState: var sqlState }
                    && explanation.SqlState == sqlState)
                {
                    throw explanation;
                }
            }

            throw;
        }
        finally
        {
            if (reset is not null)
            {
                await TryRunAsync(connection, reset, async).ConfigureAwait(false);
            }
        }
    }

    private (string? Set, string? Reset) SessionSettings(IRelationalConnection connection)
    {
        var settings = new List<string>();
        if (lockTimeout > TimeSpan.Zero)
        {
            settings.Add(LockTimeoutSql.Setting(lockTimeout));
        }

        if (connection.DbConnection is NpgsqlConnection { PostgreSqlVersion.Major: >= 14 })
        {
            settings.Add($"client_connection_check_interval = {ConnectionCheckIntervalMilliseconds}");
        }

        return settings.Count == 0
            ? (null, null)
            : (string.Join(" ", settings.Select(s => $"SET {s};")),
                string.Join(" ", settings.Select(s => $"RESET {s[..s.IndexOf(' ', StringComparison.Ordinal)]};")));
    }

    private Task<int> RunAsync(
        IRelationalConnection connection,
        string sql,
        IReadOnlyDictionary<string, object?>? parameterValues,
        bool async,
        CancellationToken cancellationToken)
    {
        var parameters = new RelationalCommandParameterObject(connection, parameterValues, null, Context, CommandLogger, CommandSource.Migrations);
        return async
            ? build(sql).ExecuteNonQueryAsync(parameters, cancellationToken)
            : Task.FromResult(build(sql).ExecuteNonQuery(parameters));
    }

    // Cleanup and reset are best effort: on a broken connection they cannot run, and the session (with its settings) is
    // gone anyway; the failure that broke it is the one to report. Reconnecting to a server that is down fails too, and
    // may come wrapped by a connection interceptor (the design-time factory's one-line OperationException): it must not
    // replace the failure either. Returns the statement's failure, if any.
    private async Task<Exception?> TryRunAsync(IRelationalConnection connection, string sql, bool async)
    {
        try
        {
            await RunAsync(connection, sql, null, async, CancellationToken.None).ConfigureAwait(false);
            return null;
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException || MigrationRetryStrategy.IsConnectionLost(ex))
        {
            return ex;
        }
    }

    private DbContext? Context { get; } = context;
}
