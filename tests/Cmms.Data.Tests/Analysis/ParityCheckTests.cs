using Cmms.Data.Analysis.Catalog;
using Cmms.Data.Analysis.Checks;
using Cmms.Data.Analysis.Findings;
using Cmms.Data.Analysis.Sql;

namespace Cmms.Data.Tests.Analysis;

/// <summary>
///     The pure parts of the parity checks: the heap estimate, and the verdicts that depend on statistics a fresh test
///     server cannot have (a 30-day-old reset, a billion transaction IDs).
/// </summary>
public sealed class ParityCheckTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_bigint_and_integer_row_takes_44_bytes_so_a_million_rows_need_5406_pages_and_twice_as_many_at_fill_factor_50()
    {
        var columns = new[] { Column("a", 1, 8, 'd'), Column("b", 2, 4, 'i') };
        var statistics = Statistics(("a", 8, 0), ("b", 4, 0));

        HeapBloatEstimator.ExpectedBytes(Table(1_000_000, 100), columns, statistics, 8192).Should().Be(5406L * 8192, "185 rows of 40 bytes and a line pointer fit in 8,168 bytes");
        HeapBloatEstimator.ExpectedBytes(Table(1_000_000, 50), columns, statistics, 8192).Should().Be(10870L * 8192, "92 rows fit in half a page");
    }

    [Fact]
    public void A_column_without_statistics_or_a_table_never_analyzed_gives_no_estimate()
    {
        var columns = new[] { Column("a", 1, 8, 'd'), Column("note", 2, -1, 'i') };

        HeapBloatEstimator.ExpectedBytes(Table(1000, 100), columns, Statistics(("a", 8, 0)), 8192).Should().BeNull();
        HeapBloatEstimator.ExpectedBytes(Table(-1, 100), columns, Statistics(("a", 8, 0), ("note", 20, 0)), 8192).Should().BeNull();
    }

    [Fact]
    public void Full_sequential_scans_are_a_warning_on_a_month_of_statistics_and_scans_that_stop_early_are_not_reported()
    {
        var catalog = Catalog(Now.AddDays(-30), [("full", 50_000, 500, 500 * 50_000L), ("limited", 50_000, 500, 500 * 10L)]);

        var finding = SequentialScanCheck.Run(catalog).Should().ContainSingle().Which;

        finding.Table.Should().Be("s.full");
        finding.Severity.Should().Be(FindingSeverity.Warning);
        finding.Detail.Should().Be("s.full (50,000 rows) was read by 500 sequential scans returning 50,000 rows each on average, against 0 index scans, "
            + "since the statistics reset at 2026-11-01 12:00 UTC (30 days ago): queries that filter it read every row.");
    }

    [Theory]
    [InlineData(240_000_000L, null)]
    [InlineData(260_000_000L, FindingSeverity.Warning)]
    [InlineData(1_200_000_000L, FindingSeverity.Error)]
    public void A_table_is_in_wraparound_danger_past_a_quarter_beyond_its_freeze_age_and_an_error_past_half_the_id_space(long age, FindingSeverity? expected)
    {
        var catalog = Catalog(Now, []) with
        {
            Health = new HealthSnapshot { Tables = [new TableHealth("s", "t", 10, 1000, 100, 0, age, 200_000_000)] },
        };

        VacuumHorizonCheck.FindWraparound(catalog).Select(f => (FindingSeverity?)f.Severity).SingleOrDefault().Should().Be(expected);
    }

    private static CatalogColumn Column(string name, int number, int length, char alignment)
        => new("s", "t", name, number, "x", "x", false, length, alignment, true, string.Empty, null, false, false);

    private static Dictionary<string, ColumnStatistic> Statistics(params (string Column, int Width, double NullFraction)[] columns)
        => columns.ToDictionary(c => CatalogSnapshot.StatisticsKey("s", "t", c.Column), c => new ColumnStatistic(c.Width, c.NullFraction));

    private static TableHealth Table(double tuples, int fillFactor) => new("s", "t", 0, tuples, fillFactor, 0, 100, 200_000_000);

    private static CatalogSnapshot Catalog(DateTimeOffset resetAt, (string Name, long Rows, long Scans, long RowsRead)[] tables)
        => new()
        {
            Facts = new DatabaseFacts("db", "15.8", 150008, 8192, resetAt, Now, ["s"]),
            Tables = tables.Select(t => new CatalogTable("s", t.Name, RelationKind.Table, false, true, t.Rows, 8192, t.Rows, 0, null, null, t.Scans)).ToList(),
            Indexes = [],
            Constraints = [],
            Sequences = [],
            Statistics = new Dictionary<string, ColumnStatistic>(),
            Quoter = new SqlQuoter([]),
            Health = new HealthSnapshot { Tables = tables.Select(t => new TableHealth("s", t.Name, 100, t.Rows, 100, t.RowsRead, 100, 200_000_000)).ToList() },
        };
}
