using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace Cmms.Data.Tool.Migrations;

/// <summary>What a database holds, read without changing anything: its migration history and which of the schema's relations exist.</summary>
/// <param name="Applied">The migration ids in the history table, oldest first (empty when there is no history table).</param>
internal sealed record DatabaseState(IReadOnlyList<string> Applied)
{
    public static async Task<DatabaseState> ReadAsync(DbContext context, NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var history = context.GetService<IHistoryRepository>();
        var applied = await history.ExistsAsync(cancellationToken).ConfigureAwait(false)
            ? (await history.GetAppliedMigrationsAsync(cancellationToken).ConfigureAwait(false)).Select(row => row.MigrationId).ToList()
            : [];

        return new DatabaseState(applied);
    }

    /// <summary>Applied migrations this build knows, oldest first.</summary>
    public IReadOnlyList<string> Known(MigrationCatalog catalog) => Applied.Where(catalog.Knows).ToList();

    /// <summary>Applied migrations this build does not know (a newer build, or another application, migrated the database).</summary>
    public IReadOnlyList<string> Unknown(MigrationCatalog catalog) => Applied.Where(id => !catalog.Knows(id)).ToList();

    /// <summary>This build's migrations that are not applied, oldest first.</summary>
    public IReadOnlyList<string> Pending(MigrationCatalog catalog) => catalog.Ids.Where(id => !Applied.Contains(id)).ToList();

    /// <summary>The newest applied migration this build knows, or <see cref="MigrationCatalog.Empty" />.</summary>
    public string Current(MigrationCatalog catalog) => catalog.Ids.LastOrDefault(Applied.Contains) ?? MigrationCatalog.Empty;

    /// <summary>The tables and views of the model (all in the default schema).</summary>
    public static string[] RelationNames(IModel model)
    {
        var relational = model.GetRelationalModel();
        return [.. relational.Tables.Select(t => t.Name).Concat(relational.Views.Select(v => v.Name)).Distinct().Order(StringComparer.Ordinal)];
    }
}
