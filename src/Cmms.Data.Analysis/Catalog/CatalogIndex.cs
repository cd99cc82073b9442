using Cmms.Data.Conventions.Rules;

namespace Cmms.Data.Analysis.Catalog;

/// <summary>
///     One index as the catalog describes it: the rule engine's <see cref="IndexDefinition" /> plus the facts the
///     other checks need (validity, size, scans, storage of its columns).
/// </summary>
internal sealed record CatalogIndex
{
    /// <summary>
    ///     The description the redundancy rules work on; its table is schema-qualified. An index no statement can drop
    ///     on its own is marked <see cref="IndexDefinition.AllowRedundant" />: an exclusion constraint's, and a unique
    ///     index a foreign key references (DROP INDEX fails while the foreign key depends on it).
    /// </summary>
    public required IndexDefinition Definition { get; init; }

    public required string Schema { get; init; }

    public required string TableName { get; init; }

    public string Name => Definition.Name;

    public string QualifiedTable => Definition.Table;

    /// <summary>Whether the index can serve queries (false after a failed concurrent build).</summary>
    public required bool IsValid { get; init; }

    /// <summary>Whether the index belongs to a partitioned table (no storage of its own; no concurrent drop).</summary>
    public required bool IsPartitioned { get; init; }

    /// <summary>
    ///     The partitioned table's index this partition's index is attached to (same schema as that table), if any: it
    ///     goes with that index and is never dropped alone.
    /// </summary>
    public string? ParentIndex { get; init; }

    /// <summary>Whether an exclusion constraint stands behind it (it must never be dropped as redundant).</summary>
    public required bool IsExclusionConstraint { get; init; }

    /// <summary>The index's own <c>CREATE INDEX</c> statement (<c>pg_get_indexdef</c>), read for invalid indexes only.</summary>
    public string? CreateStatement { get; init; }

    /// <summary>The size of its main fork, exact (<c>pg_relation_size</c>).</summary>
    public required long SizeBytes { get; init; }

    public required long Pages { get; init; }

    /// <summary>The planner's estimate of index entries; negative when never analyzed or vacuumed.</summary>
    public required double Tuples { get; init; }

    /// <summary>Index scans since the last statistics reset.</summary>
    public required long Scans { get; init; }

    /// <summary>The leaf fill factor in percent (btree default 90).</summary>
    public required int FillFactor { get; init; }

    /// <summary>Every column of the index (key columns, then INCLUDE columns), with how it is stored.</summary>
    public required IReadOnlyList<IndexColumnStorage> Columns { get; init; }

    /// <summary>Whether this index backs a primary key, unique or exclusion constraint.</summary>
    public bool BacksConstraint => Definition.IsConstraint || IsExclusionConstraint;
}

/// <summary>
///     How one index column is stored, for the bloat estimate.
/// </summary>
/// <param name="StatisticsRelation">The relation whose <c>pg_stats</c> describe it: the table, or the index for an expression.</param>
/// <param name="StatisticsColumn">The column name in that relation.</param>
/// <param name="Length">The stored length in bytes, or -1 / -2 for variable-length types.</param>
/// <param name="Alignment">The alignment letter: <c>c</c> 1, <c>s</c> 2, <c>i</c> 4, <c>d</c> 8 bytes.</param>
/// <param name="NotNull">Whether the column is declared NOT NULL.</param>
internal sealed record IndexColumnStorage(string StatisticsRelation, string StatisticsColumn, int Length, char Alignment, bool NotNull);
