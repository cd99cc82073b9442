namespace Cmms.Data.Conventions.Diagnostics;

/// <summary>
///     An index feature that a model may declare (mostly through Npgsql's index builder extensions) and that a database
///     provider other than PostgreSQL does not build (see <see cref="CmmsEventId.UnsupportedIndexFeature" />).
/// </summary>
public enum UnsupportedIndexFeature
{
    /// <summary>Non-key <c>INCLUDE</c> columns (<c>IncludeProperties</c>).</summary>
    IncludeColumns,

    /// <summary>An access method other than btree (<c>HasMethod("gin")</c>, <c>brin</c>, <c>hash</c>, ...).</summary>
    Method,

    /// <summary>Operator classes (<c>HasOperators</c>).</summary>
    OperatorClasses,

    /// <summary><c>NULLS NOT DISTINCT</c> on a unique index (<c>AreNullsDistinct(false)</c>).</summary>
    NullsNotDistinct,

    /// <summary><c>NULLS FIRST</c> / <c>NULLS LAST</c> on index columns (<c>HasNullSortOrder</c>).</summary>
    NullSortOrder,

    /// <summary>Per-column index collations set through Npgsql (<c>UseCollation</c> on the index).</summary>
    Collation,

    /// <summary>A full-text index over <c>to_tsvector</c> (<c>IsTsVectorExpressionIndex</c>).</summary>
    FullText,
}
