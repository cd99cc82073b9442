namespace Cmms.Data.Conventions.Rules;

/// <summary>
///     One key column (or expression) of an index, as PostgreSQL stores it.
/// </summary>
/// <param name="Name">The column name, or the expression text when <paramref name="IsExpression" /> is set.</param>
/// <param name="IsExpression">Whether this key is an expression rather than a plain column.</param>
/// <param name="Descending">Whether the key is sorted descending (btree only).</param>
/// <param name="NullsFirst">
///     Whether nulls sort first; <see langword="null" /> means PostgreSQL's default for the direction (NULLS LAST for
///     ascending, NULLS FIRST for descending).
/// </param>
/// <param name="OperatorClass">The operator class, or <see langword="null" /> for the column type's default one.</param>
/// <param name="Collation">The collation, or <see langword="null" /> for the column's own collation.</param>
public sealed record IndexKeyColumn(
    string Name,
    bool IsExpression = false,
    bool Descending = false,
    bool? NullsFirst = null,
    string? OperatorClass = null,
    string? Collation = null)
{
    /// <summary>Whether nulls sort first, with PostgreSQL's default applied.</summary>
    public bool SortsNullsFirst => NullsFirst ?? Descending;

    /// <inheritdoc />
    public override string ToString()
    {
        var text = IsExpression ? $"({Name})" : Name;
        if (Collation is not null)
        {
            text += $" COLLATE {Collation}";
        }

        if (OperatorClass is not null)
        {
            text += $" {OperatorClass}";
        }

        if (Descending)
        {
            text += " DESC";
        }

        if (SortsNullsFirst != Descending)
        {
            text += SortsNullsFirst ? " NULLS FIRST" : " NULLS LAST";
        }

        return text;
    }
}
