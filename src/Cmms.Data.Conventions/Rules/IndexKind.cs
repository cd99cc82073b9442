namespace Cmms.Data.Conventions.Rules;

/// <summary>
///     What stands behind an index: a constraint (which the rules never remove) or a plain index.
/// </summary>
public enum IndexKind
{
    /// <summary>The index of a primary key constraint.</summary>
    PrimaryKey,

    /// <summary>The index of a unique constraint (an EF Core alternate key).</summary>
    UniqueConstraint,

    /// <summary>An index created by <c>CREATE [UNIQUE] INDEX</c>.</summary>
    Index,
}
