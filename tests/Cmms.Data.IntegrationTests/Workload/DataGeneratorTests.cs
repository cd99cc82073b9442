using Cmms.Data.IntegrationTests.Infrastructure;
using Cmms.Data.Bench.Data;
using Cmms.Data.Bench.Schemas;

namespace Cmms.Data.IntegrationTests.Workload;

[Collection(WorkloadTests.Collection)]
public sealed class DataGeneratorTests(PostgresDatabaseFixture<DataGeneratorTests> db) : IClassFixture<PostgresDatabaseFixture<DataGeneratorTests>>
{
    private const double Scale = 0.01;

    [Fact]
    public async Task Same_seed_loads_identical_rows_and_another_seed_different_ones()
    {
        var first = await ChecksumsAsync(seed: 7);
        var second = await ChecksumsAsync(seed: 7);
        var other = await ChecksumsAsync(seed: 8);

        first.Should().HaveCount(34).And.Equal(second);
        other.Where(t => t.Value != first[t.Key]).Select(t => t.Key)
            .Should().Contain(["users", "orders", "user_activity_logs", "tracks"], "a different seed draws different rows");
    }

    [Fact]
    public async Task Every_table_gets_exactly_the_planned_rows_and_catalogs_keep_their_size()
    {
        var plan = VolumePlan.For(Scale);
        await using var database = await LoadAsync(seed: DataLoader.DefaultSeed);

        foreach (var table in VolumePlan.Tables)
        {
            (await Sql.ScalarAsync<long>(database.ConnectionString, $"SELECT count(*) FROM {table}")).Should().Be(plan[table], table);
        }

        plan["users"].Should().Be(100);
        plan["user_activity_logs"].Should().Be(10_000);
        plan["api_request_logs"].Should().Be(10_000);
        plan["user_interactions"].Should().Be(5_000);
        plan["guests"].Should().Be(2_000);
        plan["templates"].Should().Be(500, "catalogs do not scale");
        VolumePlan.For(1.0)["user_activity_logs"].Should().Be(1_000_000);
        VolumePlan.For(1.0)["tracks"].Should().Be(100_000);
        VolumePlan.For(1.0)["users"].Should().Be(10_000);
        (await Sql.ScalarAsync<long>(database.ConnectionString, "SELECT count(*) FROM mv_track_popularity")).Should().BePositive("the view is refreshed after the load");
    }

    [Fact]
    public async Task Loaded_data_is_skewed_spans_two_years_and_has_varied_documents()
    {
        await using var database = await LoadAsync(seed: DataLoader.DefaultSeed);

        // Constraints hold because COPY enforces them; these check the data looks like production.
        var span = await Sql.ScalarAsync<double>(database.ConnectionString, "SELECT (extract(epoch FROM max(created_at) - min(created_at)) / 86400)::float8 FROM user_activity_logs");
        span.Should().BeInRange(700, 731);
        var topShare = await Sql.ScalarAsync<double>(database.ConnectionString, """
            SELECT sum(n) FILTER (WHERE rank <= 5)::float8 / sum(n)
            FROM (SELECT count(*) AS n, row_number() OVER (ORDER BY count(*) DESC) AS rank FROM user_activity_logs GROUP BY user_id) AS per_user
            """);
        topShare.Should().BeGreaterThan(0.15, "the 5% heaviest users produce far more than 5% of the activity");
        (await Sql.ScalarAsync<double>(database.ConnectionString, "SELECT avg((status = 'pending')::int)::float8 FROM orders")).Should().BeInRange(0.03, 0.15);
        (await Sql.ScalarAsync<double>(database.ConnectionString, "SELECT avg((status <> 'closed')::int)::float8 FROM worksheets")).Should().BeInRange(0.01, 0.2);
        (await Sql.ScalarAsync<long>(database.ConnectionString, "SELECT count(DISTINCT k) FROM machines, jsonb_object_keys(attributes) AS k")).Should().BeGreaterThan(6);
        (await Sql.ScalarAsync<long>(database.ConnectionString, "SELECT count(DISTINCT k) FROM tracks, jsonb_object_keys(metadata) AS k")).Should().BeGreaterThan(6);
        (await Sql.ScalarAsync<long>(database.ConnectionString, "SELECT count(DISTINCT family(ip_address)) FROM invitation_view_logs")).Should().Be(2, "IPv4 and IPv6 addresses");
        (await Sql.ScalarAsync<long>(database.ConnectionString, "SELECT count(*) FROM worksheets WHERE search_vector @@ to_tsquery('english', 'bearing')")).Should().BePositive();
        (await Sql.ScalarAsync<long>(database.ConnectionString, "SELECT count(*) FROM pg_constraint WHERE NOT convalidated")).Should().Be(0);
    }

    private async Task<Dictionary<string, string>> ChecksumsAsync(int seed)
    {
        await using var database = await LoadAsync(seed);
        var checksums = new Dictionary<string, string>();
        foreach (var generator in DataLoader.Generators)
        {
            var key = generator.HasIdentity ? "id" : generator.Columns.Split(',')[0] + ", " + generator.Columns.Split(',')[1];
            var checksum = await Sql.ScalarAsync<string>(
                database.ConnectionString, $"SELECT md5(string_agg(md5(row({generator.Columns})::text), '' ORDER BY {key})) FROM {generator.Table}");
            checksums[generator.Table] = checksum.Should().NotBeNull($"{generator.Table} has rows").And.Subject;
        }

        return checksums;
    }

    private async Task<TestDatabase> LoadAsync(int seed)
    {
        var database = await db.CreateScratchDatabaseAsync("workload_data");
        await MigrationApplier.MigrateAsync(database.ConnectionString, CancellationToken.None);
        await using var connection = await database.OpenConnectionAsync();
        await DataLoader.LoadAsync(connection, VolumePlan.For(Scale), seed, progress: null, CancellationToken.None);
        return database;
    }
}
