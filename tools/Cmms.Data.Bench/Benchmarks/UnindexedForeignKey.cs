namespace Cmms.Data.Bench.Benchmarks;

/// <summary>
///     A foreign key that EF Core's own convention leaves without a usable index: an index leads with its columns, so
///     EF Core creates none, but that index is partial or not a B-tree, so PostgreSQL cannot use it for the key's
///     check when a parent row is deleted or its key updated.
/// </summary>
/// <param name="Constraint">The foreign key constraint's name.</param>
/// <param name="Table">The referencing table.</param>
/// <param name="Columns">The foreign key's columns.</param>
/// <param name="PrincipalTable">The referenced (parent) table.</param>
/// <param name="PrincipalColumns">The referenced key's columns.</param>
/// <param name="CoveredBy">The indexes that lead with the columns in (b), none of them usable for the check.</param>
/// <param name="IndexedInCmmsData">Whether Cmms.Data's model has a usable index for it.</param>
internal sealed record UnindexedForeignKey(
    string Constraint,
    string Table,
    IReadOnlyList<string> Columns,
    string PrincipalTable,
    IReadOnlyList<string> PrincipalColumns,
    IReadOnlyList<string> CoveredBy,
    bool IndexedInCmmsData)
{
    public override string ToString() => $"{Table}.{string.Join(", ", Columns)}";
}
