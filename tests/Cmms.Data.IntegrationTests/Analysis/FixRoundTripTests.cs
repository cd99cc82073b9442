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
