namespace Cmms.Data.Conventions.Rules;

/// <summary>
///     A provider-neutral description of one index or key of a table: the input of <see cref="IndexRedundancyRules" />.
///     The EF Core conventions build it from model indexes and keys; a live-database analyzer builds it from
///     <c>pg_index</c>.
/// </summary>
public sealed record IndexDefinition
{
    /// <summary>The table, schema-qualified where the schema matters (indexes of different tables never cover each other).</summary>
    public required string Table { get; init; }

    /// <summary>The index's (or constraint's) database name.</summary>
    public required string Name { get; init; }

    /// <summary>What stands behind the index.</summary>
    public IndexKind Kind { get; init; } = IndexKind.Index;

    /// <summary>The access method: <c>btree</c>, <c>gin</c>, <c>gist</c>, <c>brin</c>, <c>hash</c> or <c>spgist</c>.</summary>
    public string Method { get; init; } = "btree";

    /// <summary>The key columns or expressions, in order.</summary>
    public required IReadOnlyList<IndexKeyColumn> KeyColumns { get; init; }

    /// <summary>The non-key columns of an <c>INCLUDE</c> clause.</summary>
    public IReadOnlyList<string> IncludeColumns { get; init; } = [];

    /// <summary>The <c>WHERE</c> predicate of a partial index, or <see langword="null" />.</summary>
    public string? Predicate { get; init; }

    /// <summary>Whether the index enforces uniqueness (always true for keys).</summary>
    public bool IsUnique { get; init; }

    /// <summary>Whether a unique index treats nulls as equal (<c>NULLS NOT DISTINCT</c>, PostgreSQL 15+).</summary>
    public bool NullsNotDistinct { get; init; }

    /// <summary>Whether a person declared the index (as opposed to a convention creating it).</summary>
    public bool IsDeclared { get; init; } = true;

    /// <summary>Whether the index is kept even when redundant (an explicit opt-out).</summary>
    public bool AllowRedundant { get; init; }

    /// <summary>Whether the index is a primary key or unique constraint, which the rules never remove.</summary>
    public bool IsConstraint => Kind != IndexKind.Index;

    /// <summary>Whether the index enforces uniqueness, as a unique index or a key.</summary>
    public bool EnforcesUniqueness => IsUnique || IsConstraint;

    /// <summary>Whether the index is partial.</summary>
    public bool IsPartial => Predicate is not null;

    /// <inheritdoc />
    public override string ToString()
        => $"{Name} on {Table} USING {Method} ({string.Join(", ", KeyColumns)})"
            + (IncludeColumns.Count > 0 ? $" INCLUDE ({string.Join(", ", IncludeColumns)})" : string.Empty)
            + (Predicate is null ? string.Empty : $" WHERE {Predicate}");
}
