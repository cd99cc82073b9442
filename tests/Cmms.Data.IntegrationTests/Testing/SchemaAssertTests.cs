using Cmms.Data.Analysis;
using Cmms.Data.Analysis.Findings;
using Cmms.Data.IntegrationTests.Analysis;
using Cmms.Data.IntegrationTests.Infrastructure;
using Cmms.Data.Testing;
using Npgsql;

namespace Cmms.Data.IntegrationTests.Testing;

/// <summary><see cref="SchemaAssert" /> on deliberately bad schemas of the real test server, one schema per test.</summary>
public sealed class SchemaAssertTests(PostgresDatabaseFixture<SchemaAssertTests> db)
    : IClassFixture<PostgresDatabaseFixture<SchemaAssertTests>>
{
    // A newline and an escape in a table name: the message must show them escaped, never start a line with them.
    private const string HostileTable = "lines\nWARNING\u001b[2J";

    [Fact]
    public async Task A_bad_schema_fails_with_every_finding_and_its_fix_in_the_message()
    {
        await CreateBadSchemaAsync("assert_bad");

        var assert = () => SchemaAssert.NoFindingsAsync(db.ConnectionString, FindingSeverity.Warning, options: Only("assert_bad"));

        var failure = (await assert.Should().ThrowAsync<SchemaAssertionException>()).Which;
        failure.Findings.Select(f => (f.Kind, f.Table, f.Index)).Should().BeEquivalentTo([
            (FindingKind.FkWithoutIndex, $"assert_bad.{HostileTable}", "fk_lines_order"),
            (FindingKind.DuplicateIndex, "assert_bad.orders", "ix_orders_note_twin"),
            (FindingKind.TableWithoutPrimaryKey, "assert_bad.audit", null),
        ]);
        failure.StaleEntries.Should().BeEmpty();
        failure.Message.Should().StartWith("3 findings at or above warning that the allow-list does not accept:")
            .And.Contain("WARNING fk_without_index  assert_bad.lines\\u000AWARNING\\u001B[2J  fk_lines_order")
            .And.Contain("CREATE INDEX CONCURRENTLY")
            .And.Contain("DROP INDEX CONCURRENTLY IF EXISTS assert_bad.ix_orders_note_twin;");
        failure.Message.Should().NotContain("\u001b").And.NotContain("\nWARNING\u001b", "a name cannot start a line of the message");
    }

    [Fact]
    public async Task An_allow_list_that_accepts_every_finding_passes_and_info_findings_never_fail()
    {
        await CreateBadSchemaAsync("assert_allowed");
        await using var dataSource = NpgsqlDataSource.Create(db.ConnectionString);

        var assert = () => SchemaAssert.NoFindingsAsync(dataSource, FindingSeverity.Warning, options: Only("assert_allowed"), allow: [
            new AllowedFinding(FindingKind.FkWithoutIndex, $"assert_allowed.{HostileTable}", "fk_lines_order", "orders are never deleted"),
            new AllowedFinding(FindingKind.DuplicateIndex, "assert_allowed.orders", null, "dropped in the next release"),
            new AllowedFinding(FindingKind.TableWithoutPrimaryKey, "assert_allowed.audit", null, "append-only"),
        ]);

        await assert.Should().NotThrowAsync("every warning is allowed, and the unused-index findings of a new database are info");
        var strict = () => SchemaAssert.NoFindingsAsync(dataSource, FindingSeverity.Info, options: Only("assert_allowed"), allow: [
            new AllowedFinding(FindingKind.FkWithoutIndex, $"assert_allowed.{HostileTable}", "fk_lines_order", "orders are never deleted"),
            new AllowedFinding(FindingKind.DuplicateIndex, "assert_allowed.orders", null, "dropped in the next release"),
            new AllowedFinding(FindingKind.TableWithoutPrimaryKey, "assert_allowed.audit", null, "append-only"),
        ]);
        (await strict.Should().ThrowAsync<SchemaAssertionException>()).Which.Findings.Should().NotBeEmpty()
            .And.OnlyContain(f => f.Severity == FindingSeverity.Info, "at info the unused-index findings fail too")
            .And.Contain(f => f.Kind == FindingKind.UnusedIndex && f.Index == "ix_audit_what");
    }

    [Fact]
    public async Task An_allow_list_entry_that_matches_nothing_fails_the_assertion_with_its_reason()
    {
        await AnalysisDatabase.CreateSchemaAsync(db, "assert_stale", "CREATE TABLE customers (id int PRIMARY KEY)");

        var assert = () => SchemaAssert.NoFindingsAsync(db.ConnectionString, options: Only("assert_stale"), allow: [
            new AllowedFinding(FindingKind.FkWithoutIndex, "assert_stale.orders", "fk_orders_customer", "fixed in 2025 \"for good\""),
        ]);

        var failure = (await assert.Should().ThrowAsync<SchemaAssertionException>()).Which;
        failure.Findings.Should().BeEmpty();
        failure.StaleEntries.Select(e => e.Index).Should().Equal("fk_orders_customer");
        failure.Message.Should().Be(
            "1 allow-list entry matching no finding (the finding is gone: remove the entry):" + Environment.NewLine
            + "    fk_without_index \"assert_stale.orders\" \"fk_orders_customer\", reason \"fixed in 2025 \\u0022for good\\u0022\"");
    }

    [Fact]
    public async Task An_allow_list_entry_without_a_reason_is_refused_before_the_database_is_read()
    {
        var assert = () => SchemaAssert.NoFindingsAsync("Host=127.0.0.1;Port=1;Username=nobody", allow: [
            new AllowedFinding(FindingKind.UnusedIndex, "public.orders", null, " "),
        ]);

        (await assert.Should().ThrowAsync<ArgumentException>()).Which.Message.Should().StartWith(
            "The allow-list entry unused_index \"public.orders\" *, reason \" \" needs a table and a reason: say why the finding is accepted.");
    }

    private static AnalysisOptions Only(string schema) => new() { Schemas = [schema] };

    private Task CreateBadSchemaAsync(string schema)
        => AnalysisDatabase.CreateSchemaAsync(
            db,
            schema,
            "CREATE TABLE orders (id int PRIMARY KEY, note text)",
            "CREATE INDEX ix_orders_note ON orders (note)",
            "CREATE INDEX ix_orders_note_twin ON orders (note)",
            $"CREATE TABLE {AnalysisDatabase.Quote(HostileTable)} (id int PRIMARY KEY, order_id int CONSTRAINT fk_lines_order REFERENCES orders)",
            "CREATE TABLE audit (at timestamptz NOT NULL, what text)",
            // Never scanned, on a database whose statistics were never reset: unused_index at info.
            "CREATE INDEX ix_audit_what ON audit (what)");
}
