using Cmms.Data.Bench.Benchmarks;
using Cmms.Data.Bench.Data;
using Cmms.Data.Bench.Schemas;
using Cmms.Data.IntegrationTests.Infrastructure;
using Npgsql;

namespace Cmms.Data.IntegrationTests.Workload;

/// <summary>The extra parent-delete scales load with their secondary indexes built afterwards: the database must end the same.</summary>
[Collection(WorkloadTests.Collection)]
public sealed class DeferredIndexesTests(PostgresDatabaseFixture<DeferredIndexesTests> db) : IClassFixture<PostgresDatabaseFixture<DeferredIndexesTests>>
{
    [Fact]
    public async Task Indexes_built_after_the_load_are_the_indexes_and_rows_of_a_load_with_every_index_in_place()
    {
        var plan = VolumePlan.For(0.01);
        await using var inPlace = await BenchDatabase.CreateAsync(db.ConnectionString, BenchSchema.CmmsData, plan, DataLoader.DefaultSeed, CancellationToken.None);
        await using var deferred = await BenchDatabase.CreateAsync(
            db.ConnectionString, BenchSchema.CmmsData, plan, DataLoader.DefaultSeed, CancellationToken.None, indexesAfterLoad: true);

        var indexes = await IndexesAsync(deferred.Connection);
        indexes.Should().Equal(await IndexesAsync(inPlace.Connection));
        indexes.Should().HaveCountGreaterThan(100, "the Cmms.Data schema's secondary indexes are all there again");
        (await InvalidAsync(deferred.Connection)).Should().Be(0);
        (await RowsAsync(deferred.Connection)).Should().Be(await RowsAsync(inPlace.Connection)).And.Be(deferred.Load.Rows);
    }

    private static async Task<List<string>> IndexesAsync(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand("SELECT indexname || ' ' || indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY indexname COLLATE \"C\"", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var indexes = new List<string>();
        while (await reader.ReadAsync())
        {
            indexes.Add(reader.GetString(0));
        }

        return indexes;
    }

    private static async Task<long> InvalidAsync(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_index WHERE NOT indisvalid", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<long> RowsAsync(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand(
            "SELECT sum((xpath('/row/c/text()', query_to_xml(format('SELECT count(*) AS c FROM %I', relname), false, true, '')))[1]::text::bigint)::bigint "
            + "FROM pg_class WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace AND relname NOT LIKE '\\_\\_%'",
            connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
