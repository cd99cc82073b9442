using Cmms.Data.Bench.Catalog;
using Npgsql;

namespace Cmms.Data.Bench.Plans;

/// <summary>Runs catalog queries on one connection: picks their parameters, explains them, executes them.</summary>
internal static class QueryRunner
{
    /// <summary>The query's parameter values, read from the loaded data by its <see cref="CatalogQuery.ParameterSql" />.</summary>
    public static async Task<object[]> PickParametersAsync(NpgsqlConnection connection, CatalogQuery query, CancellationToken cancellationToken)
    {
        if (query.ParameterSql is null)
        {
            return [];
        }

        await using var command = new NpgsqlCommand(query.ParameterSql, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            throw new InvalidOperationException($"{query.Id}: the data has no row to take parameters from (is the database loaded?).");
        }

        var values = new object[reader.FieldCount];
        reader.GetValues(values);
        return values;
    }

    /// <summary>Runs the query under <c>EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON)</c>, or with <c>TIMING OFF</c> for less overhead.</summary>
    public static Task<PlanSummary> ExplainAsync(
        NpgsqlConnection connection, CatalogQuery query, object[] parameters, bool timing, CancellationToken cancellationToken)
        => ExplainAsync(connection, query.Sql, parameters, timing, cancellationToken);

    /// <summary>Runs any statement (writes too: it is executed) under <c>EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON)</c>.</summary>
    public static async Task<PlanSummary> ExplainAsync(
        NpgsqlConnection connection, string sql, object[] parameters, bool timing, CancellationToken cancellationToken)
    {
        var options = timing ? "ANALYZE, BUFFERS, FORMAT JSON" : "ANALYZE, BUFFERS, TIMING OFF, FORMAT JSON";
        await using var command = Command(connection, $"EXPLAIN ({options}) {sql}", parameters);
        var json = (string)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        return PlanSummary.Parse(json);
    }

    /// <summary>Runs the query and reads every row, as an application would; returns the row count.</summary>
    public static async Task<int> ExecuteAsync(NpgsqlConnection connection, CatalogQuery query, object[] parameters, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, query.Sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = 0;
        var values = new object[reader.FieldCount];
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            reader.GetValues(values);
            rows++;
        }

        return rows;
    }

    /// <summary>A command with positional parameters (<c>$1</c>, <c>$2</c> …).</summary>
    public static NpgsqlCommand Command(NpgsqlConnection connection, string sql, object[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection);
        foreach (var value in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        return command;
    }
}
