namespace Cmms.Data.Tool.Analysis.Model;

/// <summary>An index or key the Cmms.Data model declares for a table, as drift compares it.</summary>
/// <param name="Table">The schema-qualified table.</param>
/// <param name="Name">The index or constraint name.</param>
/// <param name="Columns">The key columns, in order.</param>
/// <param name="Descending">Per key column, whether it sorts descending.</param>
/// <param name="IsUnique">Whether it enforces uniqueness.</param>
/// <param name="IsConstraint">Whether it is a primary key or unique constraint.</param>
/// <param name="Method">The access method.</param>
/// <param name="Predicate">The partial-index predicate, if any.</param>
/// <param name="CreateSql">The statement the Cmms.Data migrations run to create it.</param>
internal sealed record ExpectedIndex(
    string Table,
    string Name,
    IReadOnlyList<string> Columns,
    IReadOnlyList<bool> Descending,
    bool IsUnique,
    bool IsConstraint,
    string Method,
    string? Predicate,
    string CreateSql)
{
    /// <summary>The shape for a detail line: <c>(a, b DESC)</c>, with the method unless btree and the predicate.</summary>
    public string Shape
        => (string.Equals(Method, "btree", StringComparison.OrdinalIgnoreCase) ? string.Empty : $"USING {Method} ")
            + $"({string.Join(", ", Columns.Select((c, i) => Descending[i] ? c + " DESC" : c))})"
            + (Predicate is null ? string.Empty : $" WHERE {Predicate}");
}
