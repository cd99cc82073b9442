using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Cmms.Data.Conventions.Migrations.Engine;

/// <summary>
///     Rebuilds the INVALID indexes the model declares, after a run that reached the newest migration, even when no
///     migration was pending: a concurrent build that failed after its migration was recorded (a rerun idempotent script,
///     a resumed run) leaves one behind, and the history alone would never bring it back.
/// </summary>
/// <remarks>
///     The rebuild is the generator's own create-index command (drop the INVALID index, <c>CREATE INDEX CONCURRENTLY IF
///     NOT EXISTS</c>), so recovery stays one mechanism. https://www.postgresql.org/docs/current/sql-createindex.html#SQL-CREATEINDEX-CONCURRENTLY
/// </remarks>
internal sealed class InvalidIndexRepair(
    IModel designTimeModel,
    IMigrationsSqlGenerator generator,
    IMigrationCommandExecutor executor,
    IRelationalConnection connection,
    SafeMigrationsLogger logger)
{
    public async Task<IReadOnlyList<string>> RunAsync(CancellationToken cancellationToken)
    {
        var invalid = await ReadInvalidAsync(cancellationToken).ConfigureAwait(false);
        var repaired = new List<string>();
        foreach (var index in designTimeModel.GetRelationalModel().Tables.SelectMany(t => t.Indexes))
        {
            if (!invalid.Contains(index.Table.Schema, index.Name))
            {
                continue;
            }

            logger.InvalidIndexRepaired(
                $"The index {index.Name} on {index.Table.Name} is INVALID (a concurrent build failed after its migration was recorded); rebuilding it.");
            var commands = generator.Generate([CreateIndexOperation.CreateFrom(index)], designTimeModel);
            await executor.ExecuteNonQueryAsync(commands, connection, cancellationToken).ConfigureAwait(false);
            repaired.Add(index.Name);
        }

        return repaired;
    }

    private async Task<InvalidIndexes> ReadInvalidAsync(CancellationToken cancellationToken)
    {
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var command = new NpgsqlCommand(InvalidIndexScope.InvalidIndexesSql("$1"), (NpgsqlConnection)connection.DbConnection)
            {
                Parameters = { InvalidIndexScope.Parameter(InvalidIndexScope.Of(designTimeModel)) },
            };
            var result = new InvalidIndexes();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                result.Add(reader.GetString(0), reader.GetString(1), reader.GetBoolean(2));
            }

            return result;
        }
        finally
        {
            await connection.CloseAsync().ConfigureAwait(false);
        }
    }

    // A table of the model without a schema is in the current schema: its indexes are looked up there.
    private sealed class InvalidIndexes
    {
        private readonly HashSet<(string? Schema, string Name)> _indexes = [];

        public void Add(string schema, string name, bool isCurrentSchema)
        {
            _indexes.Add((schema, name));
            if (isCurrentSchema)
            {
                _indexes.Add((null, name));
            }
        }

        public bool Contains(string? schema, string name) => _indexes.Contains((schema, name));
    }
}
