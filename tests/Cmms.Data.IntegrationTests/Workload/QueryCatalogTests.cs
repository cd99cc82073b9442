using Cmms.Data.Conventions;
using Cmms.Data.IntegrationTests.Infrastructure;
using Cmms.Data.Bench.Catalog;
using Cmms.Data.Bench.Plans;
using Cmms.Data.Bench.Schemas;
using Npgsql;

namespace Cmms.Data.IntegrationTests.Workload;

[Collection(WorkloadTests.Collection)]
public sealed class QueryCatalogTests(PostgresDatabaseFixture<QueryCatalogTests> db) : IClassFixture<PostgresDatabaseFixture<QueryCatalogTests>>
{
    [Fact]
    public void Catalog_has_Q1_to_Q25_once_each_in_order()
    {
        QueryCatalog.All.Select(q => q.Id).Should().Equal(Enumerable.Range(1, 25).Select(i => $"Q{i}"));
        QueryCatalog.All.Where(q => !q.Selective).Select(q => q.Id).Should().Equal("Q23", "Q24");
    }

    [Fact]
    public async Task Every_expected_index_exists_after_migrating_and_sits_on_the_query_table()
    {
        await MigrationApplier.MigrateAsync(db.ConnectionString, CancellationToken.None);
        var expected = PlanVerifier.ExpectedIndexes();
        var indexes = new Dictionary<string, string>();
        await using (var connection = await db.OpenConnectionAsync())
        await using (var command = new NpgsqlCommand("SELECT indexname, tablename FROM pg_indexes WHERE schemaname = 'public'", connection))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                indexes[reader.GetString(0)] = reader.GetString(1);
            }
        }

        foreach (var query in QueryCatalog.All)
        {
            indexes.Should().Contain(expected.For(query), query.Table, query.Id);
        }
    }

    [Fact]
    public void Expected_index_of_a_pruned_declaration_is_the_index_that_covers_it()
    {
        var query = new CatalogQuery("Qx", "orders with a status", "orders", "ix_orders_status", "SELECT 1", null);
        var pruned = new ExpectedIndexes(
        [
            new PrunedIndex("ix_orders_status", "orders", ["status"], PrunedIndexReason.PrefixOfIndex, "ix_orders_status_created_at"),
        ]);

        pruned.For(query).Should().Be("ix_orders_status_created_at");
        new ExpectedIndexes([]).For(query).Should().Be("ix_orders_status");
    }

    [Fact]
    public void Plan_summary_finds_index_bitmap_and_sequential_scans_anywhere_in_the_plan()
    {
        const string json = """
            [{"Plan": {"Node Type": "Nested Loop", "Actual Rows": 3, "Shared Hit Blocks": 12, "Shared Read Blocks": 2, "Plans": [
                {"Node Type": "Bitmap Heap Scan", "Relation Name": "tracks", "Plans": [
                    {"Node Type": "BitmapAnd", "Plans": [
                        {"Node Type": "Bitmap Index Scan", "Index Name": "ix_tracks_metadata"},
                        {"Node Type": "Bitmap Index Scan", "Index Name": "ix_tracks_search_vector"}]}]},
                {"Node Type": "Index Only Scan", "Index Name": "pk_albums", "Relation Name": "albums"},
                {"Node Type": "Seq Scan", "Relation Name": "artists"}]},
              "Planning Time": 0.2, "Execution Time": 1.25}]
            """;

        var plan = PlanSummary.Parse(json);

        plan.Indexes.Should().Equal("ix_tracks_metadata", "ix_tracks_search_vector", "pk_albums");
        plan.SequentialScans.Should().Equal("artists");
        plan.Should().BeEquivalentTo(new { ExecutionMs = 1.25, SharedHit = 12L, SharedRead = 2L, Rows = 3L });
    }
}
