using Cmms.Data.Conventions;
using Cmms.Data.IntegrationTests.Infrastructure;
using Cmms.Data.Tool.Connection;
using Cmms.Data.Tool.Migrations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace Cmms.Data.IntegrationTests.Tool;

/// <summary>What the tool tests read from a database to check what cmms-db did (or did not do) to it.</summary>
internal static class ToolDatabase
{
    /// <summary>The indexes the conventions pruned from the Cmms model, as the library reports them.</summary>
    public static IReadOnlyList<PrunedIndex> PrunedIndexes()
    {
        using var context = CmmsContextFactory.Create(CmmsContextFactory.ModelOnlyConnection);
        return context.GetService<IDesignTimeModel>().Model.GetPrunedIndexes();
    }

    /// <summary>The migrations cmms-db knows, oldest first.</summary>
    public static MigrationCatalog Catalog => MigrationCatalog.Cmms;

    public static string InitialSchema => Catalog.Ids[0];

    public static string AddIndexes => Catalog.Ids[1];

    public static string RenameUnusedIndex => Catalog.Ids[2];

    /// <summary>The newest migration.</summary>
    public static string Head => Catalog.Head;

    /// <summary>Every migration, oldest first.</summary>
    public static IReadOnlyList<string> All => Catalog.Ids;

    /// <summary>The migration ids in the history table, with repeats, oldest first; empty when there is no history table.</summary>
    public static async Task<IReadOnlyList<string>> HistoryAsync(string connectionString)
    {
        if (!await Sql.ScalarAsync<bool>(connectionString, "SELECT to_regclass('\"__EFMigrationsHistory\"') IS NOT NULL"))
        {
            return [];
        }

        return await Sql.ListAsync<string>(connectionString, "SELECT migration_id FROM \"__EFMigrationsHistory\" ORDER BY migration_id");
    }

    /// <summary>Every relation outside the system schemas with its kind, and every migration history row: equal fingerprints, same database.</summary>
    public static async Task<string> FingerprintAsync(string connectionString)
    {
        var relations = await Sql.ScalarAsync<string?>(connectionString, """
            SELECT string_agg(c.relkind::text || ' ' || n.nspname || '.' || c.relname || (CASE WHEN i.indisvalid = false THEN ' INVALID' ELSE '' END), ', '
                              ORDER BY n.nspname, c.relname)
            FROM pg_class c
            JOIN pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN pg_index i ON i.indexrelid = c.oid
            WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'
            """);
        return $"relations: {relations ?? "none"}; history: {string.Join(", ", await HistoryAsync(connectionString))}";
    }

    /// <summary>A connection string for <paramref name="connectionString" />'s server and database with a password that no server checks.</summary>
    public static string WithPassword(string connectionString, string password = ToolTestDefaults.Password)
        => new NpgsqlConnectionStringBuilder(connectionString) { Password = password }.ConnectionString;
}
