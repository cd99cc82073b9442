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

    /// <summary>A table or partition whose oldest unfrozen transaction ID is older than autovacuum should ever let it get.</summary>
    XidWraparound,

    /// <summary>Another session has held a transaction open for longer than the threshold.</summary>
    LongTransaction,

    /// <summary>A unique index or constraint made redundant by a <c>NULLS NOT DISTINCT</c> one on the same columns.</summary>
    SupersededUnique,

    /// <summary>A btree index most of whose entries are NULL: a partial index <c>WHERE col IS NOT NULL</c> serves the same queries.</summary>
    IndexMostlyNull,

    /// <summary>A btree index on an array column: it serves only whole-array comparisons, never <c>@&gt;</c>, <c>&amp;&amp;</c> or <c>ANY</c>.</summary>
    BtreeOnArray,

    /// <summary>Two foreign keys to the same table whose column sets overlap without being equal.</summary>
    IntersectedForeignKey,

    /// <summary>A foreign key column whose type differs from the referenced column's.</summary>
    ForeignKeyTypeMismatch,

    /// <summary>A <c>json</c> column (<c>jsonb</c> compares, indexes and reads faster).</summary>
    JsonColumn,

    /// <summary>A <c>timestamp without time zone</c> column (an instant needs <c>timestamptz</c>).</summary>
    TimestampWithoutTimeZone,

    /// <summary>A <c>money</c> column (its input and output depend on <c>lc_monetary</c>).</summary>
    MoneyColumn,

    /// <summary>A <c>char(n)</c> column (blank-padded, with padding-insensitive comparisons).</summary>
    CharColumn,

    /// <summary>A <c>serial</c>/<c>bigserial</c> column (an identity column is the SQL-standard, permission-safe form).</summary>
    SerialColumn,

    /// <summary>A primary key on an <c>integer</c> or <c>smallint</c> column.</summary>
    IntegerPrimaryKey,

    /// <summary>A sequence that a column's <c>DEFAULT nextval(…)</c> calls but that is not OWNED BY that column.</summary>
    SequenceNotOwned,

    /// <summary>A name at, or within a few bytes of, the 63-byte identifier limit.</summary>
    NameNearLimit,

    /// <summary>A table whose heap is much larger than its rows need.</summary>
    BloatedTable,

    /// <summary>A large table read mostly by sequential scans that return many rows each.</summary>
    SequentiallyScannedTable,
}

/// <summary>The stable names of <see cref="FindingKind" /> values.</summary>
public static class FindingKindNames
{
    /// <summary>The kind's name in every report: <c>duplicate_index</c>, <c>fk_without_index</c>, …</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>Its snake_case name.</returns>
    public static string Name(this FindingKind kind) => JsonNamingPolicy.SnakeCaseLower.ConvertName(kind.ToString());
}
