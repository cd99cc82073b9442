using Cmms.Data.Analysis.Catalog;
using Cmms.Data.Analysis.Findings;

namespace Cmms.Data.Analysis.Checks;

/// <summary>
///     The checks that judge columns, foreign key shapes, names, heaps and the server's vacuum horizon (the parity
///     checks with pg-index-health and PgHero), in one place so the analyzer adds them with one call.
/// </summary>
internal static class HealthChecks
{
    /// <summary>Runs every one of them but <see cref="IndexShapeCheck.FindMostlyNull" />, which the analyzer runs first (its indexes are kept from <c>unused_index</c>).</summary>
    /// <param name="catalog">The catalog.</param>
    /// <param name="covers">Indexes other findings propose to drop or name as a cover: never proposed for dropping here.</param>
    /// <param name="options">The analysis options (the long-transaction threshold).</param>
    /// <param name="notes">Where a check says what it could not judge.</param>
    public static IEnumerable<Finding> Run(
        CatalogSnapshot catalog,
        IReadOnlySet<(string Table, string Index)> covers,
        AnalysisOptions options,
        ICollection<string> notes)
        => VacuumHorizonCheck.FindWraparound(catalog)
            .Concat(VacuumHorizonCheck.FindLongTransactions(catalog, options.LongTransactionAge, notes))
            .Concat(UniqueNullsCheck.Run(catalog, covers))
            .Concat(IndexShapeCheck.FindBtreeOnArrays(catalog))
            .Concat(ForeignKeyShapeCheck.FindIntersected(catalog))
            .Concat(ForeignKeyShapeCheck.FindTypeMismatches(catalog))
            .Concat(ColumnTypeCheck.Run(catalog))
            .Concat(SequenceOwnershipCheck.Run(catalog))
            .Concat(NameLengthCheck.Run(catalog))
            .Concat(TableBloatCheck.Run(catalog, notes))
            .Concat(SequentialScanCheck.Run(catalog))
            .ToList();
}
