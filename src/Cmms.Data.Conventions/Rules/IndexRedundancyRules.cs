using System.Text.RegularExpressions;

namespace Cmms.Data.Conventions.Rules;

/// <summary>
///     The index-redundancy rules, with PostgreSQL semantics: the one place they live. The EF Core index conventions
///     apply them to model indexes and keys; the live-database analyzer applies them to <c>pg_index</c>.
/// </summary>
/// <remarks>
///     Index A is redundant when another index or key B on the same table has the same access method, the same
///     predicate and expressions, and: for btree, A's key columns are a leading prefix of B's with the same operator
///     classes and collations and with sort orders on that prefix all equal or all reversed (a btree is scanned both
///     ways: https://www.postgresql.org/docs/current/indexes-ordering.html); for other methods, an exact duplicate.
///     A's INCLUDE columns must be among B's columns, and a unique A is covered only by a unique B with the same key
///     columns and nulls treatment. Keys are never redundant; among exact duplicates the primary key, then a unique
///     constraint, a unique index, a declared index and finally the first name is kept.
/// </remarks>
public static partial class IndexRedundancyRules
{
    /// <summary>
    ///     Tells whether <paramref name="cover" /> serves every query <paramref name="index" /> serves, and how.
    /// </summary>
    /// <param name="cover">The candidate covering index or key.</param>
    /// <param name="index">The index that may be unnecessary.</param>
    /// <returns>How <paramref name="cover" /> covers <paramref name="index" />, or <see langword="null" /> when it does not.</returns>
    public static PrunedIndexReason? Covers(IndexDefinition cover, IndexDefinition index)
    {
        ArgumentNullException.ThrowIfNull(cover);
        ArgumentNullException.ThrowIfNull(index);

        if (ReferenceEquals(cover, index)
            || index.IsConstraint
            || index.KeyColumns.Count == 0
            || !string.Equals(cover.Table, index.Table, StringComparison.Ordinal)
            || !string.Equals(cover.Method, index.Method, StringComparison.OrdinalIgnoreCase)
            || SqlTextNormalizer.Normalize(cover.Predicate) != SqlTextNormalizer.Normalize(index.Predicate)
            || !KeyColumnsCovered(cover, index)
            || !IncludeColumnsCovered(cover, index)
            || !UniquenessCovered(cover, index))
        {
            return null;
        }

        var sameLength = cover.KeyColumns.Count == index.KeyColumns.Count;
        return (cover.IsConstraint, sameLength) switch
        {
            (true, true) => PrunedIndexReason.DuplicateOfKey,
            (true, false) => PrunedIndexReason.PrefixOfKey,
            (false, true) => PrunedIndexReason.DuplicateOfIndex,
            (false, false) => PrunedIndexReason.PrefixOfIndex,
        };
    }

    /// <summary>
    ///     Finds every index that other indexes or keys of its table make unnecessary, and for each a kept index or key
    ///     that covers it. Keys and indexes marked <see cref="IndexDefinition.AllowRedundant" /> are never reported.
    /// </summary>
    /// <param name="indexes">The indexes and keys of one or more tables.</param>
    /// <returns>The redundant indexes, ordered by table and name.</returns>
    public static IReadOnlyList<RedundantIndex> FindRedundant(IEnumerable<IndexDefinition> indexes)
    {
        ArgumentNullException.ThrowIfNull(indexes);

        var result = new List<RedundantIndex>();
        foreach (var table in indexes.GroupBy(i => i.Table, StringComparer.Ordinal))
        {
            var all = table.ToList();
            var removed = all.Where(a => !a.IsConstraint && !a.AllowRedundant && all.Any(b => Outranks(b, a))).ToList();
            var kept = all.Except(removed).ToList();

            // Covering is transitive and Outranks is acyclic, so every removed index has a kept cover.
            foreach (var index in removed)
            {
                var cover = kept
                    .Where(b => Covers(b, index) is not null)
                    .OrderBy(KeepPriority)
                    .ThenBy(b => b.KeyColumns.Count)
                    .ThenBy(b => b.Name, StringComparer.Ordinal)
                    .First();
                result.Add(new RedundantIndex(index, cover, Covers(cover, index)!.Value));
            }
        }

        return result
            .OrderBy(r => r.Index.Table, StringComparer.Ordinal)
            .ThenBy(r => r.Index.Name, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    ///     Tells whether an index or key lets PostgreSQL find the rows of a foreign key's columns without a scan of the
    ///     table, as the planner decides for the referential-integrity query a delete or key update in the referenced
    ///     table runs (<c>SELECT 1 FROM ONLY child x WHERE fk = $1 [AND …] FOR KEY SHARE OF x</c>, ri_triggers.c):
    ///     a btree whose leading key columns are exactly the foreign key's columns, in any order, or for a one-column
    ///     foreign key a hash index on that column (hash indexes serve <c>=</c>); with each such column in the column's
    ///     own collation (an index in another collation cannot serve a comparison in the column's); not partial, unless
    ///     its predicate only excludes NULLs of foreign key columns, which <c>fk = $1</c> implies (the equality
    ///     operator is strict; https://www.postgresql.org/docs/current/indexes-partial.html).
    /// </summary>
    /// <param name="index">The index or key.</param>
    /// <param name="foreignKeyColumns">The foreign key's columns on the dependent table.</param>
    /// <returns>Whether the index serves the foreign key.</returns>
    public static bool ServesForeignKey(IndexDefinition index, IReadOnlyCollection<string> foreignKeyColumns)
        => ExplainForeignKeyMismatch(index, foreignKeyColumns) is null;

    /// <summary>Tells why an index or key does not serve a foreign key (see <see cref="ServesForeignKey" />).</summary>
    /// <param name="index">The index or key.</param>
    /// <param name="foreignKeyColumns">The foreign key's columns on the dependent table.</param>
    /// <returns>The first reason it does not, or <see langword="null" /> when it serves the foreign key.</returns>
    public static ForeignKeyIndexMismatch? ExplainForeignKeyMismatch(IndexDefinition index, IReadOnlyCollection<string> foreignKeyColumns)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(foreignKeyColumns);

        if (index.IsPartial && !ExcludesOnlyNulls(index.Predicate, foreignKeyColumns))
        {
            return ForeignKeyIndexMismatch.Partial;
        }

        var isSingleColumnHash = string.Equals(index.Method, "hash", StringComparison.OrdinalIgnoreCase)
            && foreignKeyColumns.Count == 1 && index.KeyColumns.Count == 1;
        if (!string.Equals(index.Method, "btree", StringComparison.OrdinalIgnoreCase) && !isSingleColumnHash)
        {
            return ForeignKeyIndexMismatch.NotBtree;
        }

        if (foreignKeyColumns.Count == 0 || index.KeyColumns.Count < foreignKeyColumns.Count)
        {
            return ForeignKeyIndexMismatch.OtherLeadingColumns;
        }

        var leading = index.KeyColumns.Take(foreignKeyColumns.Count).ToList();
        if (leading.Any(c => c.IsExpression))
        {
            return ForeignKeyIndexMismatch.LeadsWithExpression;
        }

        if (!leading.Select(c => c.Name).ToHashSet(StringComparer.Ordinal).SetEquals(foreignKeyColumns))
        {
            return ForeignKeyIndexMismatch.OtherLeadingColumns;
        }

        return leading.Any(c => c.Collation is not null) ? ForeignKeyIndexMismatch.OtherCollation : null;
    }

    // Whether a predicate is a conjunction of "column IS NOT NULL" over foreign key columns alone. The text is compared
    // after SqlTextNormalizer (quotes dropped, case folded), so a column is matched ignoring case.
    private static bool ExcludesOnlyNulls(string? predicate, IReadOnlyCollection<string> foreignKeyColumns)
    {
        var normalized = SqlTextNormalizer.Normalize(predicate);
        if (normalized is null)
        {
            return false;
        }

        return AndKeyword().Split(normalized).All(conjunct =>
            NotNullTest().Match(conjunct.Trim()) is { Success: true } match
            && foreignKeyColumns.Contains(match.Groups["column"].Value, StringComparer.OrdinalIgnoreCase));
    }

    // The normalizer drops the space between "and" and a parenthesis: "a is not null and(b is not null)".
    [GeneratedRegex("(?<![a-z0-9_$])and(?![a-z0-9_$])")]
    private static partial Regex AndKeyword();

    [GeneratedRegex(@"^\(*(?<column>[a-z_][a-z0-9_$]*) is not null\)*$")]
    private static partial Regex NotNullTest();

    /// <summary>
    ///     Picks the index or key that serves a foreign key, preferring keys, then unique indexes, then the shortest.
    /// </summary>
    /// <param name="indexes">The indexes and keys of the foreign key's table.</param>
    /// <param name="foreignKeyColumns">The foreign key's columns.</param>
    /// <returns>The serving index, or <see langword="null" /> when the foreign key has no usable index.</returns>
    public static IndexDefinition? FindForeignKeyIndex(
        IEnumerable<IndexDefinition> indexes,
        IReadOnlyCollection<string> foreignKeyColumns)
    {
        ArgumentNullException.ThrowIfNull(indexes);

        return indexes
            .Where(i => ServesForeignKey(i, foreignKeyColumns))
            .OrderBy(KeepPriority)
            .ThenBy(i => i.KeyColumns.Count)
            .ThenBy(i => i.Name, StringComparer.Ordinal)
            .FirstOrDefault();
    }

    // b outranks a when b covers a and either a does not cover b back, or they are exact duplicates and b is kept first.
    private static bool Outranks(IndexDefinition b, IndexDefinition a)
    {
        if (Covers(b, a) is null)
        {
            return false;
        }

        if (b.IsConstraint || Covers(a, b) is null)
        {
            return true;
        }

        var byPriority = KeepPriority(b).CompareTo(KeepPriority(a));
        return byPriority < 0 || (byPriority == 0 && string.CompareOrdinal(b.Name, a.Name) < 0);
    }

    private static int KeepPriority(IndexDefinition index) => index switch
    {
        { Kind: IndexKind.PrimaryKey } => 0,
        { Kind: IndexKind.UniqueConstraint } => 1,
        { IsUnique: true } => 2,
        { IsDeclared: true } => 3,
        _ => 4,
    };

    private static bool KeyColumnsCovered(IndexDefinition cover, IndexDefinition index)
    {
        var isBtree = string.Equals(index.Method, "btree", StringComparison.OrdinalIgnoreCase);
        if (isBtree ? index.KeyColumns.Count > cover.KeyColumns.Count : index.KeyColumns.Count != cover.KeyColumns.Count)
        {
            return false;
        }

        var allSame = true;
        var allReversed = true;
        for (var i = 0; i < index.KeyColumns.Count; i++)
        {
            var a = index.KeyColumns[i];
            var b = cover.KeyColumns[i];
            if (!SameKey(a, b))
            {
                return false;
            }

            allSame &= a.Descending == b.Descending && a.SortsNullsFirst == b.SortsNullsFirst;
            allReversed &= a.Descending != b.Descending && a.SortsNullsFirst != b.SortsNullsFirst;
        }

        // Only a btree has an order; other methods compare columns and operator classes alone.
        return !isBtree || allSame || allReversed;
    }

    private static bool SameKey(IndexKeyColumn a, IndexKeyColumn b)
        => a.IsExpression == b.IsExpression
            && (a.IsExpression
                ? SqlTextNormalizer.Normalize(a.Name) == SqlTextNormalizer.Normalize(b.Name)
                : string.Equals(a.Name, b.Name, StringComparison.Ordinal))
            && string.Equals(a.OperatorClass, b.OperatorClass, StringComparison.OrdinalIgnoreCase)
            && string.Equals(a.Collation, b.Collation, StringComparison.Ordinal);

    private static bool IncludeColumnsCovered(IndexDefinition cover, IndexDefinition index)
        => index.IncludeColumns.All(column =>
            cover.IncludeColumns.Contains(column, StringComparer.Ordinal)
            || cover.KeyColumns.Any(k => !k.IsExpression && string.Equals(k.Name, column, StringComparison.Ordinal)));

    private static bool UniquenessCovered(IndexDefinition cover, IndexDefinition index)
    {
        if (!index.IsUnique)
        {
            return true;
        }

        // A unique index is replaceable only by a constraint or unique index on exactly the same columns that treats
        // nulls the same way; a primary key's columns are NOT NULL, so nulls treatment cannot differ.
        return cover.EnforcesUniqueness
            && cover.KeyColumns.Count == index.KeyColumns.Count
            && (cover.Kind == IndexKind.PrimaryKey || cover.NullsNotDistinct == index.NullsNotDistinct);
    }
}
