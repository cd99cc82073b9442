using Cmms.Data.IntegrationTests.Infrastructure;
using Npgsql;

namespace Cmms.Data.IntegrationTests.Analysis;

/// <summary>
///     The rule engine's "does this index serve this foreign key" agrees with the planner: for each index shape, the
///     generic plan of the referential-integrity query a parent DELETE runs (ri_triggers.c:
///     <c>SELECT 1 FROM ONLY child x WHERE fk = $1 FOR KEY SHARE OF x</c>) uses the index exactly when analyze reports
///     no <c>fk_without_index</c>. The child holds 20,000 rows over 200 keys (0.5 % per key), so a usable index wins on cost;
///     a BRIN index, which the planner could use but never prefers over a sequential scan on uncorrelated data, does not
///     serve the key.
/// </summary>
public sealed class ForeignKeyPlanTests(PostgresDatabaseFixture<ForeignKeyPlanTests> db)
    : IClassFixture<PostgresDatabaseFixture<ForeignKeyPlanTests>>
{
    [Theory]
    [InlineData("partial_not_null", "int", "CREATE INDEX ix_child ON child (parent_id) WHERE parent_id IS NOT NULL", true)]
    [InlineData("partial_quoted_not_null", "int", "CREATE INDEX ix_child ON child (parent_id) WHERE (\"parent_id\" IS NOT NULL)", true)]
    [InlineData("partial_other", "int", "CREATE INDEX ix_child ON child (parent_id) WHERE qty > 0", false)]
    [InlineData("partial_not_null_and_other", "int", "CREATE INDEX ix_child ON child (parent_id) WHERE parent_id IS NOT NULL AND qty > 0", false)]
    [InlineData("hash", "int", "CREATE INDEX ix_child ON child USING hash (parent_id)", true)]
    [InlineData("brin", "int", "CREATE INDEX ix_child ON child USING brin (parent_id)", false)]
    [InlineData("own_collation", "text", "CREATE INDEX ix_child ON child (parent_id)", true)]
    [InlineData("other_collation", "text", "CREATE INDEX ix_child ON child (parent_id COLLATE \"C\")", false)]
    public async Task An_index_serves_the_foreign_key_exactly_when_the_planner_uses_it_for_the_referential_integrity_check(
        string schema,
        string keyType,
        string index,
        bool serves)
    {
        var key = keyType == "int" ? "g" : "g::text";
        await AnalysisDatabase.CreateSchemaAsync(
            db,
            schema,
            $"CREATE TABLE parent (id {keyType} PRIMARY KEY)",
            $"CREATE TABLE child (id int PRIMARY KEY, parent_id {keyType} REFERENCES parent, qty int)",
            $"INSERT INTO parent SELECT {key} FROM generate_series(1, 200) g",
            $"INSERT INTO child SELECT g, {key.Replace("g", "(g % 200 + 1)", StringComparison.Ordinal)}, g % 7 FROM generate_series(1, 20000) g",
            index,
            "ANALYZE parent",
            "ANALYZE child");

        var plan = await RiCheckPlanAsync(schema, keyType);
        var run = await AnalyzeRun.JsonAsync(db.ConnectionString, "--schema", schema, "--model", "none");

        plan.Contains("ix_child", StringComparison.Ordinal).Should().Be(serves, $"the planner decides so for {index}: {plan}");
        run.Findings.Any(f => f.Kind == "fk_without_index").Should().Be(!serves, $"analyze agrees with the plan: {plan}");
    }

    private async Task<string> RiCheckPlanAsync(string schema, string keyType)
    {
        await using var connection = await db.OpenConnectionAsync();
        foreach (var setting in new[]
                 {
                     $"SET search_path = {AnalysisDatabase.Quote(schema)}",
                     "SET plan_cache_mode = force_generic_plan",
                     $"PREPARE ri_check({keyType}) AS SELECT 1 FROM ONLY child x WHERE parent_id OPERATOR(pg_catalog.=) $1 FOR KEY SHARE OF x",
                 })
        {
            await using var command = new NpgsqlCommand(setting, connection);
            await command.ExecuteNonQueryAsync();
        }

        var literal = keyType == "int" ? "1" : "'1'";
        await using var explain = new NpgsqlCommand($"EXPLAIN EXECUTE ri_check({literal})", connection);
        var lines = new List<string>();
        await using var reader = await explain.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(0));
        }

        return string.Join('\n', lines);
    }
}
