using Cmms.Data.Analysis.Catalog;
using Cmms.Data.Analysis.Findings;
using Cmms.Data.Analysis.Sql;
using Cmms.Data.Conventions;
using Cmms.Data.Conventions.Rules;

namespace Cmms.Data.Analysis.Checks;

/// <summary>
///     <c>duplicate_index</c> and <c>redundant_index</c>: the valid indexes and keys of the catalog fed to
///     <see cref="IndexRedundancyRules" />, the same rules the EF Core conventions apply to the model.
/// </summary>
/// <remarks>
///     Invalid indexes take no part: they serve no query, so they cover nothing, and they are reported on their own.
/// </remarks>
internal static class RedundancyCheck
{
    /// <summary>The kinds of finding this check reports.</summary>
    public static readonly IReadOnlyList<FindingKind> Kinds = [FindingKind.DuplicateIndex, FindingKind.RedundantIndex];

    public static IEnumerable<Finding> Run(CatalogSnapshot catalog)
    {
        var valid = catalog.Indexes.Where(i => i.IsValid).ToDictionary<CatalogIndex, IndexDefinition>(i => i.Definition, ReferenceEqualityComparer.Instance);
        foreach (var redundant in IndexRedundancyRules.FindRedundant(valid.Keys))
        {
            var index = valid[redundant.Index];
            var duplicate = redundant.Reason is PrunedIndexReason.DuplicateOfKey or PrunedIndexReason.DuplicateOfIndex;
            var relation = duplicate ? "duplicates" : "is a leading prefix of";
            var detail = $"{index.Name} {FindingText.Shape(redundant.Index)} {relation} {FindingText.Role(redundant.CoveredBy)} "
                + $"{redundant.CoveredBy.Name} {FindingText.Shape(redundant.CoveredBy)}, which serves all its queries; "
                // No index takes 0 bytes: 0 is a size not measured (SQLite without dbstat).
                + (index.SizeBytes > 0 ? $"dropping it saves {FindingText.Size(index.SizeBytes)} and work on every write." : "dropping it saves work on every write.");

            yield return new Finding(
                duplicate ? FindingKind.DuplicateIndex : FindingKind.RedundantIndex,
                FindingSeverity.Warning,
                index.QualifiedTable,
                index.Name,
                redundant.CoveredBy.Name,
                detail,
                catalog.Fixes.DropIndex(index));
        }
    }
}
