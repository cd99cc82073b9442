using System.Data;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Cmms.Data.Conventions.Migrations.Engine;

/// <summary>
///     EF Core's migration command executor, with the backend pid of the migration's connection recorded in the
///     <see cref="Run" /> while the commands run, so that the <see cref="MigrationWatch" /> can find who blocks them.
/// </summary>
/// <remarks>
///     The connection is opened here before EF Core's executor opens it: EF Core counts nested opens, so the commands run
///     on the session whose pid was read, and its own close leaves the connection to this one. A retry opens it again and
///     reads the pid of the new session.
/// </remarks>
internal sealed class SessionRecordingCommandExecutor(IMigrationCommandExecutor inner, MigrationRunState run) : IMigrationCommandExecutor
{
    /// <summary>The run whose migration session is recorded.</summary>
    public MigrationRunState Run { get; } = run;

    public void ExecuteNonQuery(IEnumerable<MigrationCommand> migrationCommands, IRelationalConnection connection)
        => RecordedAsync(connection, async: false, () => Done(() => inner.ExecuteNonQuery(migrationCommands, connection)), CancellationToken.None)
            .GetAwaiter().GetResult();

    public int ExecuteNonQuery(
        IReadOnlyList<MigrationCommand> migrationCommands,
        IRelationalConnection connection,
        MigrationExecutionState executionState,
        bool commitTransaction,
        IsolationLevel? isolationLevel = null)
        => RecordedAsync(
                connection,
                async: false,
                () => Task.FromResult(inner.ExecuteNonQuery(migrationCommands, connection, executionState, commitTransaction, isolationLevel)),
                CancellationToken.None)
            .GetAwaiter().GetResult();

    public Task ExecuteNonQueryAsync(
        IEnumerable<MigrationCommand> migrationCommands,
        IRelationalConnection connection,
        CancellationToken cancellationToken = default)
        => RecordedAsync(
            connection,
            async: true,
            async () =>
            {
                await inner.ExecuteNonQueryAsync(migrationCommands, connection, cancellationToken).ConfigureAwait(false);
                return 0;
            },
            cancellationToken);

    public Task<int> ExecuteNonQueryAsync(
        IReadOnlyList<MigrationCommand> migrationCommands,
        IRelationalConnection connection,
        MigrationExecutionState executionState,
        bool commitTransaction,
        IsolationLevel? isolationLevel = null,
        CancellationToken cancellationToken = default)
        => RecordedAsync(
            connection,
            async: true,
            () => inner.ExecuteNonQueryAsync(migrationCommands, connection, executionState, commitTransaction, isolationLevel, cancellationToken),
            cancellationToken);

    private static Task<int> Done(Action execute)
    {
        execute();
        return Task.FromResult(0);
    }

    private async Task<int> RecordedAsync(IRelationalConnection connection, bool async, Func<Task<int>> execute, CancellationToken cancellationToken)
    {
        if (async)
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        }
        else
        {
            connection.Open();
        }

        try
        {
            Run.MigrationSession = await Run.BackendPids.OfAsync((NpgsqlConnection)connection.DbConnection, async, cancellationToken).ConfigureAwait(false);
            return await execute().ConfigureAwait(false);
        }
        finally
        {
            Run.MigrationSession = null;
            if (async)
            {
                await connection.CloseAsync().ConfigureAwait(false);
            }
            else
            {
                connection.Close();
            }
        }
    }
}
