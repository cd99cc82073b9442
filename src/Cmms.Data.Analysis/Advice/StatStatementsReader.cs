using Npgsql;

namespace Cmms.Data.Analysis.Advice;

/// <summary>
///     Reads the workload of the current database from <c>pg_stat_statements</c>: its statements with their calls and
///     times, heaviest by total execution time first (https://www.postgresql.org/docs/15/pgstatstatements.html).
/// </summary>
/// <remarks>
///     A role without <c>pg_read_all_stats</c> sees other roles' statements as <c>&lt;insufficient privilege&gt;</c>;
///     those come back as <see cref="UnhelpedReason.NotVisible" />. The advisor's own PREPARE, EXPLAIN and HypoPG
///     calls are utility statements and are left out with every other statement that is not a query.
/// </remarks>
internal static class StatStatementsReader
{
    private const string Hidden = "<insufficient privilege>";

    private const string Sql = """
        SELECT s.query, s.calls, s.mean_exec_time
        FROM pg_stat_statements s
        WHERE s.dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
          AND s.calls >= $1 AND s.mean_exec_time >= $2
        ORDER BY s.total_exec_time DESC
        """;

    public static async Task<(List<WorkloadStatement> Queries, List<UnhelpedStatement> Hidden)> ReadAsync(
        NpgsqlConnection connection,
        AdviceRequest request,
        CancellationToken cancellationToken)
    {
        await RequireExtensionAsync(connection, cancellationToken).ConfigureAwait(false);

        var queries = new List<WorkloadStatement>();
        var hidden = new List<UnhelpedStatement>();
        await using var command = new NpgsqlCommand(Sql, connection);
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = request.MinCalls });
        command.Parameters.Add(new NpgsqlParameter<double> { TypedValue = request.MinMeanMs });
        try
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            // No LIMIT: the top N counts statements on user tables only (the advisor stops planning there), so utility
            // statements (pg_stat_statements.track_utility tracks the advisor's own PREPARE and EXPLAIN) and a driver's
            // catalog queries do not crowd them out.
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var statement = new WorkloadStatement(reader.IsDBNull(0) ? Hidden : reader.GetString(0), reader.GetInt64(1), reader.GetDouble(2));
                if (statement.Sql == Hidden && hidden.Count < request.Top)
                {
                    hidden.Add(new UnhelpedStatement(statement.Sql, statement.Calls, UnhelpedReason.NotVisible, "grant this role pg_read_all_stats to see other roles' statements"));
                }
                else if (statement.Sql != Hidden && statement.IsQuery && !statement.Sql.Contains("hypopg", StringComparison.Ordinal))
                {
                    queries.Add(statement);
                }
            }
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ObjectNotInPrerequisiteState)
        {
            // "pg_stat_statements must be loaded via shared_preload_libraries"
            throw new AdviceException(
                $"pg_stat_statements is created in database {connection.Database} but not loaded: add it to shared_preload_libraries in postgresql.conf and restart the server, or pass --queries FILE.",
                e);
        }

        return (queries, hidden);
    }

    private static async Task RequireExtensionAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'pg_stat_statements'",
            connection);
        if (await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is null)
        {
            throw new AdviceException(
                $"pg_stat_statements is not enabled in database {connection.Database}: add pg_stat_statements to shared_preload_libraries "
                + "in postgresql.conf, restart the server and run CREATE EXTENSION pg_stat_statements there; or pass --queries FILE.");
        }
    }
}
