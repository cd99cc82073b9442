using System.Text.Json;

namespace Cmms.Data.Analysis.Findings;

/// <summary>What a finding is about. Written in snake_case (<c>duplicate_index</c>) in every output format.</summary>
public enum FindingKind
{
    /// <summary>An invalid index left by a failed concurrent build: it costs writes and serves no query.</summary>
    InvalidIndex,

    /// <summary>An index of the Cmms.Data model that the database lacks (or has with another definition).</summary>
    MissingIndex,

    /// <summary>A sequence that has used most of its range (or of its column type's range).</summary>
    SequenceNearMax,

    /// <summary>An index with the same definition as another index or a key.</summary>
    DuplicateIndex,

    /// <summary>An index whose key columns are a leading prefix of another index or key.</summary>
    RedundantIndex,

    /// <summary>A foreign key whose referencing columns have no usable index.</summary>
    FkWithoutIndex,

    /// <summary>
    ///     A foreign key with the same columns, referenced table and referenced columns as another: every write checks
    ///     both, and they need one index between them.
    /// </summary>
    DuplicateForeignKey,

    /// <summary>An index on a table of the Cmms.Data model that the model does not declare.</summary>
    UnexpectedIndex,

    /// <summary>A table without a primary key.</summary>
    TableWithoutPrimaryKey,

    /// <summary>A check or foreign key constraint added <c>NOT VALID</c> and never validated.</summary>
    NotValidConstraint,

    /// <summary>A btree index much larger than its rows need.</summary>
    BloatedIndex,

    /// <summary>An index scanned fewer times than the threshold since statistics were reset.</summary>
    UnusedIndex,
}

/// <summary>The stable names of <see cref="FindingKind" /> values.</summary>
public static class FindingKindNames
{
    /// <summary>The kind's name in every report: <c>duplicate_index</c>, <c>fk_without_index</c>, …</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>Its snake_case name.</returns>
    public static string Name(this FindingKind kind) => JsonNamingPolicy.SnakeCaseLower.ConvertName(kind.ToString());
}
