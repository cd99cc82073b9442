using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Npgsql;

namespace Cmms.Data.Bench.Schemas;

/// <summary>
///     Builds one of the three benchmark schemas in an empty database. (c) is the migrations themselves; (a) and (b)
///     are EF Core's create script of the declared model (what <c>GenerateCreateScript()</c> emits), with (a) keeping
///     only unique indexes, followed by the objects the migrations add outside the model (the <c>set_updated_at</c>
///     trigger, <c>mv_track_popularity</c> and its indexes), taken from the migrations' own operations.
/// </summary>
internal static class SchemaFactory
{
    public static async Task CreateAsync(BenchSchema schema, string connectionString, CancellationToken cancellationToken)
    {
        if (schema == BenchSchema.CmmsData)
        {
            await MigrationApplier.MigrateAsync(connectionString, cancellationToken).ConfigureAwait(false);
            return;
        }

        var keysOnly = schema == BenchSchema.Unindexed;
        using var declared = AsDeclared(connectionString);
        var model = declared.GetService<IDesignTimeModel>().Model;
        var operations = declared.GetService<IMigrationsModelDiffer>().GetDifferences(null, model.GetRelationalModel())
            .Concat(OperationsOutsideTheModel(model))
            .Where(operation => !keysOnly || operation is not CreateIndexOperation { IsUnique: false })
            .ToList();
        var commands = declared.GetService<IMigrationsSqlGenerator>().Generate(operations, model);

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        foreach (var command in commands)
        {
            await using var sql = new NpgsqlCommand(command.CommandText, connection);
            await sql.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    ///     Every declared index, nothing pruned: Npgsql and snake_case names only, so EF Core's own foreign-key index
    ///     convention applies (it skips an FK index when any index, even a partial one, leads with the FK columns).
    /// </summary>
    public static CmmsDbContext AsDeclared(string connectionString)
        => new(new DbContextOptionsBuilder<CmmsDbContext>().UseNpgsql(connectionString).UseSnakeCaseNamingConvention().Options);

    // Raw SQL and indexes on relations the model does not map as tables (the materialized view), in migration order.
    private static IEnumerable<MigrationOperation> OperationsOutsideTheModel(IModel model)
    {
        using var migrated = CmmsContexts.Create(CmmsContexts.ModelOnlyConnection);
        var assembly = migrated.GetService<IMigrationsAssembly>();
        var provider = migrated.Database.ProviderName!;
        var tables = model.GetRelationalModel().Tables.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var migration in assembly.Migrations.Values.Select(type => assembly.CreateMigration(type, provider)))
        {
            foreach (var operation in migration.UpOperations)
            {
                if (operation is SqlOperation || (operation is CreateIndexOperation index && !tables.Contains(index.Table)))
                {
                    yield return operation;
                }
            }
        }
    }
}
