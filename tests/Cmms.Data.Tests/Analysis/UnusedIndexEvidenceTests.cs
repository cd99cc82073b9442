using Cmms.Data.Analysis.Catalog;
using Cmms.Data.Analysis.Checks;
using Cmms.Data.Analysis.Findings;
using Cmms.Data.Analysis.Sql;
using Cmms.Data.Conventions.Rules;

namespace Cmms.Data.Tests.Analysis;

/// <summary>
///     <c>unused_index</c> is a warning only when the statistics are old enough to judge: a reset at least 7 days ago and
///     a table read at least 1,000 times. A fresh server cannot have a reset 30 days old, hence a catalog built here.
/// </summary>
public sealed class UnusedIndexEvidenceTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void An_unscanned_index_is_a_warning_on_a_busy_table_and_info_saying_why_on_a_table_nobody_read()
    {
        var catalog = Catalog(Now.AddDays(-30), ("busy", 5000), ("quiet", 10));

        var findings = IndexUsageCheck.FindUnused(catalog, new HashSet<(string, string)>()).ToDictionary(f => f.Table!);

        findings["s.busy"].Severity.Should().Be(FindingSeverity.Warning);
        findings["s.busy"].Detail.Should().NotContain("Too early");
        findings["s.quiet"].Severity.Should().Be(FindingSeverity.Info);
        findings["s.quiet"].Detail.Should().EndWith("Too early to judge: the table was read only 10 times (1,000 needed).");
    }

    [Fact]
    public void A_short_or_unknown_statistics_window_makes_every_unused_index_info_whatever_the_table_reads()
    {
        var young = IndexUsageCheck.FindUnused(Catalog(Now.AddDays(-2), ("busy", 5000)), new HashSet<(string, string)>()).Single();
        var unknown = IndexUsageCheck.FindUnused(Catalog(null, ("busy", 5000)), new HashSet<(string, string)>()).Single();

        young.Severity.Should().Be(FindingSeverity.Info);
        young.Detail.Should().EndWith("Too early to judge: the statistics cover only 2 days (7 days needed).");
        unknown.Severity.Should().Be(FindingSeverity.Info);
        unknown.Detail.Should().EndWith("Too early to judge: the statistics were never reset, so how long they cover is unknown.");
    }

    private static CatalogSnapshot Catalog(DateTimeOffset? resetAt, params (string Table, long SequentialScans)[] tables)
        => new()
        {
            Facts = new DatabaseFacts("db", "15.8", 150008, 8192, resetAt, Now, ["s"]),
            Tables = tables.Select(t => new CatalogTable("s", t.Table, RelationKind.Table, false, true, 1000, 8192, 1000, 0, null, null, t.SequentialScans)).ToList(),
            Indexes = tables.Select(t => Index(t.Table)).ToList(),
            Constraints = [],
            Sequences = [],
            Statistics = new Dictionary<string, ColumnStatistic>(),
            Quoter = new SqlQuoter([]),
        };

    private static CatalogIndex Index(string table)
        => new()
        {
            Definition = new IndexDefinition
            {
                Table = $"s.{table}",
                Name = $"ix_{table}_a",
                Kind = IndexKind.Index,
                Method = "btree",
                KeyColumns = [new IndexKeyColumn("a")],
                IncludeColumns = [],
            },
            Schema = "s",
            TableName = table,
            IsValid = true,
            IsPartitioned = false,
            IsExclusionConstraint = false,
            SizeBytes = 16384,
            Pages = 2,
            Tuples = 1000,
            Scans = 0,
            FillFactor = 90,
            Columns = [],
        };
}
