using Cmms.Data.Analysis.Catalog;
using Cmms.Data.Analysis.Findings;
using Cmms.Data.Analysis.Sql;
using Cmms.Data.Conventions.Rules;

namespace Cmms.Data.Analysis.Checks;

/// <summary>
///     <c>invalid_index</c> (left by a failed concurrent build) and <c>unused_index</c> (scanned fewer than
///     <see cref="AnalysisThresholds.UnusedIndexScans" /> times since the statistics reset; a warning only when that
///     reset is at least <see cref="AnalysisThresholds.UnusedEvidenceWindow" /> old).
/// </summary>
internal static class IndexUsageCheck
{
    public static IEnumerable<Finding> FindInvalid(CatalogSnapshot catalog)
    {
        foreach (var index in catalog.Indexes.Where(i => !i.IsValid))
        {
            var cause = index.Definition.IsUnique
                ? " A unique build usually fails on duplicate rows: remove them before rebuilding."
                : string.Empty;
            yield return new Finding(
                FindingKind.InvalidIndex,
                FindingSeverity.Error,
                index.QualifiedTable,
                index.Name,
                null,
                $"{index.Name} {FindingText.Shape(index.Definition)} is invalid: a concurrent build failed (or is running now). "
                + $"Every write maintains it, no query uses it.{cause}",
                FixSql.DropIndex(index, catalog.Quoter) + Environment.NewLine + FixSql.Recreate(index));
        }
    }

    /// <summary>
    ///     Unused indexes, leaving out those that enforce something or serve a foreign key (their use is not measured
    ///     by scans), and those already reported for dropping.
    /// </summary>
    /// <param name="catalog">The catalog.</param>
    /// <param name="alreadyDropped">Indexes another finding already proposes to drop, as <c>(table, index)</c>.</param>
    public static IEnumerable<Finding> FindUnused(CatalogSnapshot catalog, IReadOnlySet<(string Table, string Index)> alreadyDropped)
    {
        ArgumentNullException.ThrowIfNull(catalog);

        var foreignKeys = catalog.Constraints.Where(c => c.IsForeignKey).ToLookup(c => c.QualifiedTable, StringComparer.Ordinal);
        var facts = catalog.Facts;
        var window = facts.StatisticsResetAt is { } reset ? facts.ServerTime - reset : (TimeSpan?)null;
        var since = facts.StatisticsResetAt is { } resetAt
            ? $"the statistics reset at {FindingText.Time(resetAt)} ({Age(window!.Value)} ago)"
            : "statistics began (never reset)";
        // Without a reset time the window is unknown (a database migrated minutes ago looks the same): only info.
        var severity = window >= AnalysisThresholds.UnusedEvidenceWindow ? FindingSeverity.Warning : FindingSeverity.Info;

        foreach (var index in catalog.Indexes)
        {
            if (!index.IsValid
                || index.IsPartitioned
                || index.Definition.EnforcesUniqueness
                || index.BacksConstraint
                || index.Scans >= AnalysisThresholds.UnusedIndexScans
                || alreadyDropped.Contains((index.QualifiedTable, index.Name))
                || foreignKeys[index.QualifiedTable].Any(fk => IndexRedundancyRules.ServesForeignKey(index.Definition, fk.Columns)))
            {
                continue;
            }

            yield return new Finding(
                FindingKind.UnusedIndex,
                severity,
                index.QualifiedTable,
                index.Name,
                null,
                $"{index.Name} {FindingText.Shape(index.Definition)} was scanned {FindingText.Count(index.Scans)} times since {since}; "
                + $"it takes {FindingText.Size(index.SizeBytes)} and work on every write.",
                FixSql.DropIndex(index, catalog.Quoter));
        }
    }

    private static string Age(TimeSpan age) => age switch
    {
        { TotalDays: >= 2 } => $"{(int)age.TotalDays} days",
        { TotalHours: >= 2 } => $"{(int)age.TotalHours} hours",
        _ => $"{Math.Max(0, (int)age.TotalMinutes)} minutes",
    };
}
