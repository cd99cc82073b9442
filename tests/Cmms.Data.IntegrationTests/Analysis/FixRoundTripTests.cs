using Cmms.Data.IntegrationTests.Infrastructure;
using Cmms.Data.IntegrationTests.Migrations;
using Cmms.Data.LocalPostgres;

namespace Cmms.Data.IntegrationTests.Analysis;

/// <summary>
///     Every fix analyze prints for a deliberately bad schema (partitioned tables included) is applied in one psql run
///     with ON_ERROR_STOP, and analyze run again: the findings are gone and no new one appeared.
/// </summary>
public sealed class FixRoundTripTests(PostgresDatabaseFixture<FixRoundTripTests> db)
    : IClassFixture<PostgresDatabaseFixture<FixRoundTripTests>>
{
    private const string Schema = "round_trip";

    [Fact]
    public async Task Applying_every_printed_fix_runs_and_leaves_no_structural_finding_and_every_cover_in_place()
    {
        await AnalysisDatabase.CreateSchemaAsync(
            db,
            Schema,
            "CREATE TABLE customers (id int PRIMARY KEY)",
            // A duplicate pair whose survivor serves no foreign key and is never scanned: it must not be reported unused too.
            "CREATE TABLE orders (id int PRIMARY KEY, customer_id int NOT NULL REFERENCES customers, note text)",
            "CREATE INDEX ix_orders_customer_id ON orders (customer_id)",
            "CREATE INDEX ix_orders_note ON orders (note)",
            "CREATE INDEX ix_orders_note_twin ON orders (note)",
            // Two identical foreign keys and no index: one index fix, and the second key dropped.
            "CREATE TABLE order_lines (id int PRIMARY KEY, order_id int NOT NULL)",
            "ALTER TABLE order_lines ADD CONSTRAINT fk_order_lines_order FOREIGN KEY (order_id) REFERENCES orders",
            "ALTER TABLE order_lines ADD CONSTRAINT fk_order_lines_order_again FOREIGN KEY (order_id) REFERENCES orders",
            // A partitioned table, one partition itself partitioned: a foreign key without an index (CONCURRENTLY is
            // refused on the parent), a duplicate index pair declared on the parent (repeated on every partition), a
            // standalone twin of an attached partition index, and an inherited NOT VALID check constraint.
            "CREATE TABLE events (id int NOT NULL, at date NOT NULL, customer_id int REFERENCES customers, qty int, PRIMARY KEY (id, at)) PARTITION BY RANGE (at)",
            "CREATE TABLE events_2025 PARTITION OF events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01')",
            "CREATE TABLE events_2026 PARTITION OF events FOR VALUES FROM ('2026-01-01') TO ('2027-01-01') PARTITION BY RANGE (at)",
            "CREATE TABLE events_2026_h1 PARTITION OF events_2026 FOR VALUES FROM ('2026-01-01') TO ('2026-07-01')",
            "CREATE TABLE events_2026_h2 PARTITION OF events_2026 FOR VALUES FROM ('2026-07-01') TO ('2027-01-01')",
            "CREATE INDEX ix_events_qty ON events (qty)",
            "CREATE INDEX ix_events_qty_twin ON events (qty)",
            "CREATE INDEX ix_events_2025_qty_alone ON events_2025 (qty)",
            "ALTER TABLE events ADD CONSTRAINT events_qty_positive CHECK (qty > 0) NOT VALID",
            // Column types with a one-statement fix, a foreign key wider than its key, a unique constraint a NULLS NOT
            // DISTINCT one supersedes, a sequence only a DEFAULT links, and a mostly-NULL index serving a foreign key.
            "CREATE TABLE typed (id bigint PRIMARY KEY, doc json, at timestamp, price money, code char(2), customer_id bigint REFERENCES customers)",
            "CREATE TABLE emails (id bigint PRIMARY KEY, email text UNIQUE, CONSTRAINT emails_email_strict UNIQUE NULLS NOT DISTINCT (email))",
            "CREATE SEQUENCE loose_seq",
            "CREATE TABLE loose (id bigint PRIMARY KEY DEFAULT nextval('loose_seq'))",
            "INSERT INTO customers SELECT g FROM generate_series(1, 1000) g",
            "CREATE TABLE sparse (id bigint PRIMARY KEY, customer_id int REFERENCES customers)",
            "INSERT INTO sparse SELECT g, CASE WHEN g % 10 = 0 THEN g % 1000 + 1 END FROM generate_series(1, 200000) g",
            "CREATE INDEX ix_sparse_customer_id ON sparse (customer_id)",
            "ANALYZE sparse");

        var before = await AnalyzeRun.JsonAsync(db.ConnectionString, "--schema", Schema, "--model", "none");
        var findings = before.Findings;

        findings.Where(f => f.Kind == "fk_without_index").Select(f => (f.Table, f.Index)).Should().BeEquivalentTo([
            ($"{Schema}.order_lines", "fk_order_lines_order"),
            ($"{Schema}.events", "events_customer_id_fkey"),
            ($"{Schema}.typed", "typed_customer_id_fkey"),
        ], "identical foreign keys get one index fix, and a partitioned table's key is reported once, at the parent");
        findings.Where(f => f.Kind == "duplicate_foreign_key").Select(f => (f.Index, f.CoveredBy))
            .Should().Equal(("fk_order_lines_order_again", "fk_order_lines_order"));
        findings.Where(f => f.Kind == "not_valid_constraint").Select(f => (f.Table, f.Index))
            .Should().Equal(($"{Schema}.events", "events_qty_positive"));
        findings.Where(f => f.Kind == "duplicate_index").Select(f => f.Table).Should().BeEquivalentTo(
            [$"{Schema}.orders", $"{Schema}.events", $"{Schema}.events_2025"],
            "the parent's duplicate is reported once, not on each partition; the partition's standalone twin is the one dropped");
        findings.Single(f => f.Table == $"{Schema}.events_2025" && f.Kind == "duplicate_index").Index.Should().Be("ix_events_2025_qty_alone");
        var covers = findings.Where(f => f.CoveredBy is not null).Select(f => f.CoveredBy).ToList();
        findings.Where(f => f.Kind is "unused_index" or "duplicate_index" or "redundant_index").Select(f => f.Index)
            .Should().NotIntersectWith(covers, "an index named as a cover is never proposed for dropping in the same report");
        findings.Single(f => f.Table == $"{Schema}.events" && f.Kind == "fk_without_index").Fix.Should().Contain(" ON ONLY ")
            .And.Contain("ATTACH PARTITION").And.NotContain($"CONCURRENTLY ix_events_customer_id ON {Schema}.events ");

        findings.Select(f => f.Kind).Should().Contain([
            "json_column", "timestamp_without_time_zone", "money_column", "char_column", "foreign_key_type_mismatch",
            "superseded_unique", "sequence_not_owned", "index_mostly_null",
        ]);

        await ApplyAsync(string.Join('\n', findings.Select(f => f.Fix)));
        var after = await AnalyzeRun.JsonAsync(db.ConnectionString, "--schema", Schema, "--model", "none");

        after.StructuralKeys.Should().BeEmpty("every structural finding was fixed and the fixes introduced none");
        after.Findings.Should().NotContain(f => f.Kind == "sequence_not_owned", "its fix, unlike the other design advice, is a statement");
        after.Findings.Where(f => f.Kind == "unused_index").Select(f => f.Index).Should().BeSubsetOf(
            covers, "only an index that covered a dropped one can be newly unused (its twin's scans were never its own)");
        (await Sql.InvalidIndexesAsync(db.ConnectionString)).Should().BeEmpty("the partitioned index was attached on every partition");
        foreach (var cover in covers.Where(c => !c!.StartsWith("fk_", StringComparison.Ordinal)))
        {
            (await Sql.ScalarAsync<bool>(db.ConnectionString, $"SELECT to_regclass('{Schema}.{cover}') IS NOT NULL")).Should().BeTrue($"{cover} covered a dropped index");
        }
    }

    [Fact]
    public async Task Invalid_indexes_of_partitioned_tables_are_rebuilt_by_their_printed_fix_and_analyze_again_clean()
    {
        const string schema = "partitioned_rebuild";
        await AnalysisDatabase.CreateSchemaAsync(
            db,
            schema,
            "CREATE TABLE readings (id int NOT NULL, at date NOT NULL, sensor int NOT NULL, PRIMARY KEY (id, at)) PARTITION BY RANGE (at)",
            "CREATE TABLE readings_2025 PARTITION OF readings FOR VALUES FROM ('2025-01-01') TO ('2026-01-01')",
            "CREATE TABLE readings_2026 PARTITION OF readings FOR VALUES FROM ('2026-01-01') TO ('2027-01-01') PARTITION BY RANGE (at)",
            "CREATE TABLE readings_2026_h1 PARTITION OF readings_2026 FOR VALUES FROM ('2026-01-01') TO ('2026-07-01')",
            "CREATE TABLE readings_2026_h2 PARTITION OF readings_2026 FOR VALUES FROM ('2026-07-01') TO ('2027-01-01')",
            "INSERT INTO readings VALUES (1, '2025-03-01', 7), (2, '2025-03-01', 7), (3, '2026-03-01', 8), (4, '2026-09-01', 9)",
            // The ON ONLY recipe stopped half way: one partition's index attached, the others never built.
            "CREATE INDEX ix_readings_sensor ON ONLY readings (sensor)",
            "CREATE INDEX CONCURRENTLY ix_readings_2025_sensor ON readings_2025 (sensor)",
            "ALTER INDEX ix_readings_sensor ATTACH PARTITION ix_readings_2025_sensor",
            "CREATE UNIQUE INDEX ux_readings_at_sensor ON ONLY readings (at, sensor)");
        // A concurrent unique build failed on a partition (duplicates) and its invalid index was attached anyway; the
        // duplicates are gone now, but neither REINDEX nor DROP INDEX on the partition's index can mend the parent.
        var failedBuild = () => Sql.ExecuteAsync(db.ConnectionString, $"CREATE UNIQUE INDEX CONCURRENTLY ux_readings_2025_at_sensor ON {schema}.readings_2025 (at, sensor)");
        await failedBuild.Should().ThrowAsync<Npgsql.PostgresException>();
        await Sql.ExecuteEachAsync(
            db.ConnectionString,
            $"ALTER INDEX {schema}.ux_readings_at_sensor ATTACH PARTITION {schema}.ux_readings_2025_at_sensor",
            $"DELETE FROM {schema}.readings WHERE id = 2");
        (await Sql.InvalidIndexesAsync(db.ConnectionString)).Should().BeEquivalentTo(
            $"{schema}.ix_readings_sensor", $"{schema}.ux_readings_at_sensor", $"{schema}.ux_readings_2025_at_sensor");

        var before = await AnalyzeRun.JsonAsync(db.ConnectionString, "--schema", schema, "--model", "none");

        before.Findings.Where(f => f.Kind == "invalid_index").Select(f => (f.Table, f.Index)).Should().BeEquivalentTo(
            [($"{schema}.readings", "ix_readings_sensor"), ($"{schema}.readings", "ux_readings_at_sensor")],
            "the attached partition index goes with its parent's rebuild, so only the parents are reported");
        var unique = before.Findings.Single(f => f.Index == "ux_readings_at_sensor").Fix.Split(Environment.NewLine);
        unique.Should().Equal(
            $"CREATE UNIQUE INDEX ux_readings_at_sensor_rebuilt ON ONLY {schema}.readings USING btree (at, sensor);",
            $"CREATE UNIQUE INDEX CONCURRENTLY ux_readings_2025_at_sensor_rebuilt ON {schema}.readings_2025 USING btree (at, sensor);",
            $"ALTER INDEX {schema}.ux_readings_at_sensor_rebuilt ATTACH PARTITION {schema}.ux_readings_2025_at_sensor_rebuilt;",
            $"CREATE UNIQUE INDEX readings_2026_ux_readings_at_sensor ON ONLY {schema}.readings_2026 USING btree (at, sensor);",
            $"CREATE UNIQUE INDEX CONCURRENTLY readings_2026_h1_readings_2026_ux_readings_at_sensor ON {schema}.readings_2026_h1 USING btree (at, sensor);",
            $"ALTER INDEX {schema}.readings_2026_ux_readings_at_sensor ATTACH PARTITION {schema}.readings_2026_h1_readings_2026_ux_readings_at_sensor;",
            $"CREATE UNIQUE INDEX CONCURRENTLY readings_2026_h2_readings_2026_ux_readings_at_sensor ON {schema}.readings_2026_h2 USING btree (at, sensor);",
            $"ALTER INDEX {schema}.readings_2026_ux_readings_at_sensor ATTACH PARTITION {schema}.readings_2026_h2_readings_2026_ux_readings_at_sensor;",
            $"ALTER INDEX {schema}.ux_readings_at_sensor_rebuilt ATTACH PARTITION {schema}.readings_2026_ux_readings_at_sensor;",
            $"DROP INDEX IF EXISTS {schema}.ux_readings_at_sensor;",
            $"ALTER INDEX {schema}.ux_readings_at_sensor_rebuilt RENAME TO ux_readings_at_sensor;",
            $"ALTER INDEX {schema}.ux_readings_2025_at_sensor_rebuilt RENAME TO ux_readings_2025_at_sensor;");

        await ApplyAsync(string.Join('\n', before.Findings.Select(f => f.Fix)));
        var after = await AnalyzeRun.JsonAsync(db.ConnectionString, "--schema", schema, "--model", "none");

        after.StructuralKeys.Should().BeEmpty("both partitioned indexes were rebuilt valid and the fixes introduced nothing");
        (await Sql.InvalidIndexesAsync(db.ConnectionString)).Should().BeEmpty();
        (await Sql.ListAsync<string>(
                db.ConnectionString,
                $"SELECT c.relname::text FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE i.indrelid = '{schema}.readings'::regclass ORDER BY 1"))
            .Should().Equal("ix_readings_sensor", "readings_pkey", "ux_readings_at_sensor");
        var duplicate = () => Sql.ExecuteAsync(db.ConnectionString, $"INSERT INTO {schema}.readings VALUES (5, '2026-09-01', 9)");
        (await duplicate.Should().ThrowAsync<Npgsql.PostgresException>()).Which.ConstraintName.Should().Be(
            "readings_2026_h2_readings_2026_ux_readings_at_sensor", "the rebuilt unique index enforces uniqueness on every partition");
        (await Sql.ListAsync<string>(
                db.ConnectionString,
                $"SELECT c.relname::text FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE i.indrelid = '{schema}.readings_2025'::regclass ORDER BY 1"))
            .Should().Equal(["ix_readings_2025_sensor", "readings_2025_pkey", "ux_readings_2025_at_sensor"], "a partition's rebuilt index takes the name of the one it replaced");
    }

    private async Task ApplyAsync(string fixes)
    {
        var file = Path.Combine(Path.GetTempPath(), $"cmms-round-trip-{PostgresDatabases.RandomSuffix()}.sql");
        await File.WriteAllTextAsync(file, fixes.Replace(Environment.NewLine, "\n", StringComparison.Ordinal));
        try
        {
            var (exitCode, output) = await PostgresClientTools.RunScriptAsync(db.ConnectionString, file);
            exitCode.Should().Be(0, $"every printed fix runs: {output}");
        }
        finally
        {
            File.Delete(file);
        }
    }
}
