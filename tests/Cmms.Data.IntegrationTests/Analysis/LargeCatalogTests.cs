using System.Globalization;
using Cmms.Data.IntegrationTests.Infrastructure;

namespace Cmms.Data.IntegrationTests.Analysis;

/// <summary>
///     The benchmark catalog (large-catalog.sql: 200 tables, 1,000 indexes) is analyzed completely and its planted
///     findings are found exactly. Its speed is measured outside the test suite (docs/benchmarks/analyze-speed.md).
/// </summary>
public sealed class LargeCatalogTests(PostgresDatabaseFixture<LargeCatalogTests> db) : IClassFixture<PostgresDatabaseFixture<LargeCatalogTests>>
{
    /// <summary>The generator script, found from the test binaries up to the repository root.</summary>
    public static string ScriptPath => Repository.File("tests", "Cmms.Data.IntegrationTests", "Analysis", "large-catalog.sql");

    [Fact]
    public async Task Generated_catalog_of_200_tables_and_1000_indexes_yields_exactly_its_planted_findings()
    {
        await Sql.ExecuteAsync(db.ConnectionString, await File.ReadAllTextAsync(ScriptPath));

        var run = await AnalyzeRun.JsonAsync(db.ConnectionString, "--schema", "bench");

        var summary = run.Result.Json.GetProperty("summary");
        summary.GetProperty("tableCount").GetInt32().Should().Be(200);
        summary.GetProperty("indexCount").GetInt32().Should().Be(1000);
        run.Result.Json.GetProperty("tables").GetArrayLength().Should().Be(200);
        run.StructuralKeys.Should().BeEquivalentTo(PlantedFindings());
    }

    private static IEnumerable<FindingKey> PlantedFindings()
    {
        for (var i = 1; i <= 200; i++)
        {
            var t = "t_" + i.ToString("000", CultureInfo.InvariantCulture);
            var table = "bench." + t;
            if (i % 25 == 0)
            {
                yield return new FindingKey("fk_without_index", table, $"{t}_parent_id_fkey");
            }

            if (i % 40 == 0)
            {
                yield return new FindingKey("duplicate_index", table, $"ix_{t}_code", $"{t}_code_key");
            }
            else if (i % 20 == 0)
            {
                yield return new FindingKey("redundant_index", table, $"ix_{t}_status", $"ix_{t}_status_created");
            }

            if (i % 50 == 0)
            {
                yield return new FindingKey("not_valid_constraint", table, $"{t}_status_check");
            }
        }

        yield return new FindingKey("sequence_near_max", "bench.t_007");
    }
}
