using System.Text.Json;
using Cmms.Data.Bench.Catalog;
using Cmms.Data.Bench.Data;
using Cmms.Data.Bench.Plans;
using Cmms.Data.Bench.Schemas;
using Npgsql;

namespace Cmms.Data.Bench.Advice;

/// <summary>
///     Prepares a database for <c>cmms-db advise</c>: migrated and loaded with the catalog data, pg_stat_statements and
///     HypoPG created, some catalog indexes dropped, a one-column index added that the advice should replace, and the
///     catalog workload run after a statistics reset, so pg_stat_statements holds exactly that workload. The server
///     must preload pg_stat_statements (the embedded server does).
/// </summary>
internal static class AdviseDemo
{
    /// <summary>The catalog indexes dropped before the workload runs, by the query they serve.</summary>
    public static readonly IReadOnlyDictionary<string, string> Dropped = new Dictionary<string, string>
    {
        ["Q6"] = "ix_user_activity_logs_user_id_created_at",
        ["Q12"] = "ix_machines_attributes",
        ["Q14"] = "ix_stock_transactions_part_id_occurred_at",
        ["Q22"] = "ix_user_interactions_user_id_created_at",
    };

    /// <summary>The index the advice should replace: a leading prefix of what Q22 needs.</summary>
    public const string PrefixIndex = "ix_probe_user_interactions_user_id";

    /// <summary>Prepares the database and returns the parameters each catalog query ran with, by id.</summary>
    /// <param name="connectionString">The database: empty, or migrated by Cmms.Data with no rows loaded.</param>
    /// <param name="scale">The data volume (1.0 = the benchmark volumes of the schema specification).</param>
    /// <param name="runs">How many times each catalog query runs (its calls in pg_stat_statements).</param>
    /// <param name="cancellationToken">Cancels the preparation.</param>
    /// <exception cref="InvalidOperationException">The database already holds data, or the server does not preload pg_stat_statements.</exception>
    public static async Task<IReadOnlyDictionary<string, object[]>> PrepareAsync(string connectionString, double scale, int runs, CancellationToken cancellationToken)
    {
        var unbounded = new NpgsqlConnectionStringBuilder(connectionString) { CommandTimeout = 0, MaxAutoPrepare = 0 }.ConnectionString;
        await using (var check = new NpgsqlConnection(unbounded))
        {
            await check.OpenAsync(cancellationToken).ConfigureAwait(false);
            await RequireEmptyAndPreloadedAsync(check, cancellationToken).ConfigureAwait(false);
        }

        await MigrationApplier.MigrateAsync(unbounded, cancellationToken).ConfigureAwait(false);
        await using var connection = new NpgsqlConnection(unbounded);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await DataLoader.LoadAsync(connection, VolumePlan.For(scale), DataLoader.DefaultSeed, null, cancellationToken).ConfigureAwait(false);
        await Statements.ExecuteAsync(connection, "CREATE EXTENSION IF NOT EXISTS pg_stat_statements; CREATE EXTENSION IF NOT EXISTS hypopg", cancellationToken).ConfigureAwait(false);
        foreach (var index in Dropped.Values)
        {
            await Statements.ExecuteAsync(connection, $"DROP INDEX {index}", cancellationToken).ConfigureAwait(false);
        }

        await Statements.ExecuteAsync(connection, $"CREATE INDEX {PrefixIndex} ON user_interactions (user_id); ANALYZE", cancellationToken).ConfigureAwait(false);

        var parameters = new Dictionary<string, object[]>();
        foreach (var query in QueryCatalog.All)
        {
            parameters[query.Id] = await QueryRunner.PickParametersAsync(connection, query, cancellationToken).ConfigureAwait(false);
        }

        // Only the workload itself, not the loading and parameter picking, is what pg_stat_statements should hold.
        await Statements.ExecuteAsync(connection, "SELECT pg_stat_statements_reset()", cancellationToken).ConfigureAwait(false);
        for (var run = 0; run < runs; run++)
        {
            foreach (var query in QueryCatalog.All)
            {
                await QueryRunner.ExecuteAsync(connection, query, parameters[query.Id], cancellationToken).ConfigureAwait(false);
            }
        }

        return parameters;
    }

    /// <summary>
    ///     Applies <c>cmms-db advise --format json</c>'s proposals as a person would: every <c>createSql</c> first, then the
    ///     <c>dropSql</c> of the indexes they replace (concurrent builds run outside a transaction), then ANALYZE.
    /// </summary>
    /// <param name="connection">The advised database.</param>
    /// <param name="proposals">The <c>proposals</c> array's elements.</param>
    /// <param name="cancellationToken">Cancels the statements.</param>
    public static async Task ApplyAsync(NpgsqlConnection connection, IReadOnlyList<JsonElement> proposals, CancellationToken cancellationToken = default)
    {
        foreach (var sql in proposals.Select(p => p.GetProperty("createSql").GetString()!)
                     .Concat(proposals.SelectMany(p => p.GetProperty("replaces").EnumerateArray().Select(r => r.GetProperty("dropSql").GetString()!))))
        {
            await Statements.ExecuteAsync(connection, sql, cancellationToken).ConfigureAwait(false);
        }

        await Statements.ExecuteAsync(connection, "ANALYZE", cancellationToken).ConfigureAwait(false);
    }

    // The loader needs empty tables, and pg_stat_statements records nothing unless preloaded: say so before any change.
    private static async Task RequireEmptyAndPreloadedAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT to_regclass('public.users') IS NOT NULL, "
            + "'pg_stat_statements' = ANY (string_to_array(replace(current_setting('shared_preload_libraries'), ' ', ''), ','))",
            connection);
        bool migrated, preloaded;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            (migrated, preloaded) = (reader.GetBoolean(0), reader.GetBoolean(1));
        }

        await using var rows = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM public.users)", connection);
        var loaded = migrated && (bool)(await rows.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        if (loaded)
        {
            throw new InvalidOperationException($"Database {connection.Database} already holds data: the advise demo loads into an empty Cmms.Data database (drop and recreate it, or pass --connection for another one).");
        }

        if (!preloaded)
        {
            throw new InvalidOperationException(
                "The server does not preload pg_stat_statements, so the workload would not be recorded: add it to shared_preload_libraries and restart the server "
                + "(the embedded server preloads it from its next start: cmms-db embedded stop, then rerun).");
        }
    }
}
