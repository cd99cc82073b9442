namespace Cmms.Data.Conventions;

/// <summary>
///     Why an index is unnecessary.
/// </summary>
/// <remarks>
///     A btree index on (a, b) serves every query an index on (a) serves: see
///     https://www.postgresql.org/docs/current/indexes-multicolumn.html. A primary key or unique constraint is backed by
///     a unique index (https://www.postgresql.org/docs/current/indexes-unique.html), so an index on the same columns
///     adds only write cost.
/// </remarks>
public enum PrunedIndexReason
{
    /// <summary>Same key columns as a primary key or unique constraint, which already has an index.</summary>
    DuplicateOfKey,

    /// <summary>A leading prefix of a primary key or unique constraint.</summary>
    PrefixOfKey,

    /// <summary>Same definition as another index (same key columns; the other may add INCLUDE columns or uniqueness).</summary>
    DuplicateOfIndex,

    /// <summary>A leading prefix of another index's key columns.</summary>
    PrefixOfIndex,

    /// <summary>A foreign key index that was not created because a key or another index already serves the foreign key.</summary>
    ForeignKeyCovered,
}
