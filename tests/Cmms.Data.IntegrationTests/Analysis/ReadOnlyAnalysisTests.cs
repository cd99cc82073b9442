using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Cmms.Data.IntegrationTests.Infrastructure;
using Npgsql;

namespace Cmms.Data.IntegrationTests.Analysis;

/// <summary>Analyze never changes the database and needs no privilege beyond reading the catalog.</summary>
public sealed class ReadOnlyAnalysisTests(PostgresDatabaseFixture<ReadOnlyAnalysisTests> db)
    : IClassFixture<PostgresDatabaseFixture<ReadOnlyAnalysisTests>>, IAsyncLifetime
{
    // Everything a write could change: relations, indexes and validity, constraints, sequence positions, privileges, rows.
    private const string Fingerprint = """
        SELECT md5(string_agg(line, E'\n' ORDER BY line)) FROM (
            SELECT format('rel %s %s %s %s %s', c.oid, n.nspname, c.relname, c.relkind, c.relacl) AS line
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = '{0}'
            UNION ALL SELECT format('idx %s %s %s', i.indexrelid, i.indisvalid, pg_get_indexdef(i.indexrelid))
            FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = '{0}'
            UNION ALL SELECT format('con %s %s %s', k.conname, k.convalidated, pg_get_constraintdef(k.oid))
            FROM pg_constraint k JOIN pg_namespace n ON n.oid = k.connamespace WHERE n.nspname = '{0}'
            UNION ALL SELECT format('seq %s %s', c.relname, pg_sequence_last_value(c.oid))
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = '{0}' AND c.relkind = 'S'
            UNION ALL SELECT 'row customers ' || md5(string_agg(x::text, ',' ORDER BY x::text)) FROM {0}.customers x
            UNION ALL SELECT 'row orders ' || md5(string_agg(x::text, ',' ORDER BY x::text)) FROM {0}.orders x
        ) lines
        """;

    private static readonly CompositeFormat FingerprintOfSchema = CompositeFormat.Parse(Fingerprint);

    // Each test gets its own schema (xunit makes a class instance per test).
    private readonly string _suffix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));

    private string Schema => "shop_" + _suffix;

    public Task InitializeAsync() => AnalysisDatabase.CreateSchemaAsync(
        db,
        Schema,
        "CREATE TABLE customers (id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY, email text NOT NULL)",
        "CREATE UNIQUE INDEX ux_customers_email ON customers (email)",
        "CREATE INDEX ix_customers_email ON customers (email)",
        "CREATE TABLE orders (id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY, customer_id int REFERENCES customers, status text)",
        "CREATE INDEX ix_orders_customer_open ON orders (customer_id) WHERE status <> 'closed'",
        "CREATE TABLE audit (at timestamptz, message text)",
        "ALTER TABLE orders ADD CONSTRAINT orders_status_known CHECK (status IN ('open', 'closed')) NOT VALID",
        "INSERT INTO customers (email) SELECT 'c' || g || '@example.com' FROM generate_series(1, 500) g",
        "INSERT INTO orders (customer_id, status) SELECT 1 + g % 500, 'open' FROM generate_series(1, 2000) g",
        "SELECT setval('orders_id_seq', 2000000000)",
        "ANALYZE");

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Analyze_leaves_the_catalog_sequences_and_rows_exactly_as_they_were()
    {
        var fingerprint = string.Format(CultureInfo.InvariantCulture, FingerprintOfSchema, Schema);
        var before = await Sql.ScalarAsync<string>(db.ConnectionString, fingerprint);
        before.Should().NotBeNull("the fingerprint of a schema with tables is never NULL");

        var run = await AnalyzeRun.JsonAsync(db.ConnectionString, "--schema", Schema);

        run.StructuralKeys.Should().NotBeEmpty();
        (await Sql.ScalarAsync<string>(db.ConnectionString, fingerprint)).Should().Be(before);
    }

    [Fact]
    public async Task Role_with_only_connect_and_schema_usage_gets_the_same_structural_findings()
    {
        await using var role = await ReadOnlyRole.CreateAsync(db.ConnectionString, Schema);
        var readOnly = role.ConnectionString;
        var denied = () => Sql.ScalarAsync<long>(readOnly, $"SELECT count(*) FROM {Schema}.orders");
        (await denied.Should().ThrowAsync<PostgresException>()).Which.SqlState.Should().Be(PostgresErrorCodes.InsufficientPrivilege);

        var asOwner = await AnalyzeRun.JsonAsync(db.ConnectionString, "--schema", Schema);
        var asReader = await AnalyzeRun.JsonAsync(readOnly, "--schema", Schema);

        asOwner.StructuralKeys.Should().BeEquivalentTo([
            new FindingKey("sequence_near_max", $"{Schema}.orders"),
            new FindingKey("duplicate_index", $"{Schema}.customers", "ix_customers_email", "ux_customers_email"),
            new FindingKey("fk_without_index", $"{Schema}.orders", "orders_customer_id_fkey"),
            new FindingKey("table_without_primary_key", $"{Schema}.audit"),
            new FindingKey("not_valid_constraint", $"{Schema}.orders", "orders_status_known"),
        ]);
        asReader.StructuralKeys.Should().BeEquivalentTo(asOwner.StructuralKeys.Where(k => k.Kind != "sequence_near_max"));
        asReader.Result.Json.GetProperty("summary").GetProperty("notes").EnumerateArray().Select(n => n.GetString())
            .Should().Contain("2 sequence(s) not checked: this role has neither USAGE nor SELECT on them.");
    }
}
