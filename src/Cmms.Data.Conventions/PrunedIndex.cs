namespace Cmms.Data.Conventions;

/// <summary>
///     An index the index conventions left out of the model, and what makes it unnecessary.
/// </summary>
/// <param name="Name">The index's database name.</param>
/// <param name="Table">The table (schema-qualified when the table has a schema).</param>
/// <param name="Columns">The index's key columns, in order.</param>
/// <param name="Reason">Why the index is unnecessary.</param>
/// <param name="CoveredBy">The database name of the index or key that serves its queries instead.</param>
public sealed record PrunedIndex(
    string Name,
    string Table,
    IReadOnlyList<string> Columns,
    PrunedIndexReason Reason,
    string CoveredBy)
{
    /// <inheritdoc />
    public override string ToString()
        => $"{Name} on {Table} ({string.Join(", ", Columns)}): {Reason}, covered by {CoveredBy}";
}
