using Cmms.Data.Analysis.Catalog;
using Cmms.Data.Conventions.Rules;
using Npgsql;

namespace Cmms.Data.Analysis.Advice;

/// <summary>
///     The one connection advice runs on, read-only: every transaction is READ ONLY (the server refuses any write),
///     the only state it creates is session-local (prepared statements, HypoPG's hypothetical indexes), and it ends
///     with the session.
/// </summary>
/// <remarks>
///     PostgreSQL 15 has no <c>EXPLAIN (GENERIC_PLAN)</c> (it came in 16), so a statement with parameters is planned as
///     <c>PREPARE</c> + <c>EXPLAIN EXECUTE</c> with typed NULL arguments under <c>plan_cache_mode = force_generic_plan</c>:
///     the plan is the one built without parameter values, and the NULLs are never looked at
///     (https://www.postgresql.org/docs/15/sql-prepare.html). A cached generic plan does not see hypothetical indexes
///     created after it, so every measurement prepares the statement again.
/// </remarks>
internal sealed class AdvisorSession(NpgsqlConnection connection) : IAsyncDisposable
{
    private const string StatementName = "cmms_advise";

    /// <summary>Opens the session and checks that HypoPG is there to measure with.</summary>
    public static async Task<AdvisorSession> OpenAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var session = new AdvisorSession(connection);
        try
        {
            await session.ExecuteAsync(
                "SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY; SET plan_cache_mode = force_generic_plan; "
                + "SET statement_timeout = '60s'; SET lock_timeout = '5s'",
                cancellationToken).ConfigureAwait(false);
            await session.RequireHypoPgAsync(cancellationToken).ConfigureAwait(false);
            return session;
        }
        catch
        {
            await session.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public NpgsqlConnection Connection => connection;

    public string Database => connection.Database;

    /// <summary>Prepares and plans a statement; a statement the server rejects comes back as the reason.</summary>
    public async Task<(PlannedStatement? Planned, UnhelpedStatement? Failure)> PlanAsync(WorkloadStatement statement, CancellationToken cancellationToken)
    {
        // One statement, or PREPARE would run whatever follows a semicolon as a statement of its own.
        if (SqlScript.Split(statement.Sql).Count != 1)
        {
            return (null, new UnhelpedStatement(statement.Sql, statement.Calls, UnhelpedReason.NotParseable, "more than one statement"));
        }

        try
        {
            await ExecuteAsync($"PREPARE {StatementName} AS {statement.Sql}", cancellationToken).ConfigureAwait(false);
            try
            {
                var arguments = await ArgumentsAsync(cancellationToken).ConfigureAwait(false);
                var plan = PlanNode.Parse(await ExplainPreparedAsync(arguments, cancellationToken).ConfigureAwait(false));
                return (new PlannedStatement(statement, arguments, plan), null);
            }
            finally
            {
                await ExecuteAsync($"DEALLOCATE {StatementName}", cancellationToken).ConfigureAwait(false);
            }
        }
        catch (PostgresException e)
        {
            var reason = e.SqlState == PostgresErrorCodes.SyntaxError ? UnhelpedReason.NotParseable : UnhelpedReason.FailedToPlan;
            return (null, new UnhelpedStatement(statement.Sql, statement.Calls, reason, $"{e.SqlState}: {e.MessageText}"));
        }
    }

    /// <summary>Plans a prepared statement again, seeing the hypothetical indexes that exist now.</summary>
    public async Task<PlanNode> ReplanAsync(PlannedStatement statement, CancellationToken cancellationToken)
        => PlanNode.Parse(await ExplainAsync(statement.Statement.Sql, statement.Arguments, cancellationToken).ConfigureAwait(false));

    /// <summary>Creates a hypothetical index (this session only) and returns its oid and the name plans show for it.</summary>
    public async Task<(uint Oid, string Name)> CreateHypotheticalAsync(string createSql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT indexrelid, indexname FROM hypopg_create_index($1)", connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = createSql });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        return (reader.GetFieldValue<uint>(0), reader.GetString(1));
    }

    public async Task DropHypotheticalAsync(uint oid, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT hypopg_drop_index($1)", connection);
        command.Parameters.Add(new NpgsqlParameter<uint> { TypedValue = oid, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Oid });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Drops every hypothetical index of this session.</summary>
    public Task ResetHypotheticalAsync(CancellationToken cancellationToken) => ExecuteAsync("SELECT hypopg_reset()", cancellationToken);

    /// <summary>The type of every column of the tables (<c>format_type</c>), by table and column name.</summary>
    public async Task<Dictionary<(TableName, string), string>> ReadColumnTypesAsync(IReadOnlyCollection<TableName> tables, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT n.nspname, c.relname, a.attname, format_type(a.atttypid, a.atttypmod)
            FROM pg_attribute a
            JOIN pg_class c ON c.oid = a.attrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            JOIN unnest($1::text[], $2::text[]) AS t(schema_name, table_name) ON t.schema_name = n.nspname AND t.table_name = c.relname
            WHERE a.attnum > 0 AND NOT a.attisdropped
            """;
        var result = new Dictionary<(TableName, string), string>();
        await using var command = TablesCommand(sql, tables);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            result[(new TableName(reader.GetString(0), reader.GetString(1)), reader.GetString(2))] = reader.GetString(3);
        }

        return result;
    }

    /// <summary>The valid indexes and keys of the tables, read and described exactly as analyze reads them.</summary>
    public async Task<List<IndexDefinition>> ReadIndexesAsync(IReadOnlyCollection<TableName> tables, CancellationToken cancellationToken)
        => (await CatalogReader.ReadIndexesAsync(connection, tables.Select(t => (t.Schema, t.Name)).ToList(), cancellationToken).ConfigureAwait(false))
            .Where(i => i.IsValid)
            .Select(i => i.Definition)
            .ToList();

    /// <summary>The names of every relation (table, index, sequence, view …) in the schemas, by schema: what a new index may not be called.</summary>
    public async Task<Dictionary<string, HashSet<string>>> ReadRelationNamesAsync(IEnumerable<string> schemas, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT n.nspname, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ANY($1)",
            connection);
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = schemas.Distinct(StringComparer.Ordinal).ToArray() });
        var result = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var schema = reader.GetString(0);
            if (!result.TryGetValue(schema, out var names))
            {
                result[schema] = names = new HashSet<string>(StringComparer.Ordinal);
            }

            names.Add(reader.GetString(1));
        }

        return result;
    }

    /// <summary>Each identifier quoted by the server's own <c>quote_ident()</c>, so the rule is exactly PostgreSQL's.</summary>
    public async Task<Dictionary<string, string>> QuoteAsync(IEnumerable<string> identifiers, CancellationToken cancellationToken)
    {
        var distinct = identifiers.Distinct(StringComparer.Ordinal).ToArray();
        await using var command = new NpgsqlCommand("SELECT ARRAY(SELECT quote_ident(x) FROM unnest($1::text[]) WITH ORDINALITY AS u(x, ord) ORDER BY ord)", connection);
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = distinct });
        var quoted = (string[])(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        return distinct.Zip(quoted).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal);
    }

    public ValueTask DisposeAsync() => connection.DisposeAsync();

    private async Task RequireHypoPgAsync(CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'hypopg'), EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'hypopg')",
            connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        if (reader.GetBoolean(0))
        {
            return;
        }

        throw new AdviceException(reader.GetBoolean(1)
            ? $"HypoPG is not enabled in database {connection.Database}: run CREATE EXTENSION hypopg there (as its owner or a superuser), then retry."
            : $"HypoPG is not installed on this server: install it (Debian/Ubuntu: apt-get install postgresql-15-hypopg), run CREATE EXTENSION hypopg in database {connection.Database}, then retry.");
    }

    private async Task<string> ArgumentsAsync(CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT parameter_types::text[] FROM pg_prepared_statements WHERE name = $1", connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = StatementName });
        var types = (string[])(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;

        // The type names come from the server's regtype output, which is valid SQL type syntax.
        return types.Length == 0 ? string.Empty : "(" + string.Join(", ", types.Select(t => $"NULL::{t}")) + ")";
    }

    private async Task<string> ExplainAsync(string sql, string arguments, CancellationToken cancellationToken)
    {
        await ExecuteAsync($"PREPARE {StatementName} AS {sql}", cancellationToken).ConfigureAwait(false);
        try
        {
            return await ExplainPreparedAsync(arguments, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await ExecuteAsync($"DEALLOCATE {StatementName}", cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<string> ExplainPreparedAsync(string arguments, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"EXPLAIN (VERBOSE, FORMAT JSON) EXECUTE {StatementName}{arguments}", connection);
        return (string)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    private NpgsqlCommand TablesCommand(string sql, IReadOnlyCollection<TableName> tables)
    {
        var command = new NpgsqlCommand(sql, connection);
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = tables.Select(t => t.Schema).ToArray() });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = tables.Select(t => t.Name).ToArray() });
        return command;
    }

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
