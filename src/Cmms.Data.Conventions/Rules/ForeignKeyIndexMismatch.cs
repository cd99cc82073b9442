namespace Cmms.Data.Conventions.Rules;

/// <summary>
///     Why an index does not serve a foreign key (see <see cref="IndexRedundancyRules.ExplainForeignKeyMismatch" />).
/// </summary>
public enum ForeignKeyIndexMismatch
{
    /// <summary>The index is partial, and its predicate excludes more than NULLs of the foreign key's columns.</summary>
    Partial,

    /// <summary>
    ///     The index is not a btree, nor a hash index on the one column of a one-column foreign key (GIN, GiST, BRIN and
    ///     SP-GiST do not serve the foreign key's equality lookups).
    /// </summary>
    NotBtree,

    /// <summary>The index leads with an expression, not with the foreign key's columns.</summary>
    LeadsWithExpression,

    /// <summary>The index's leading key columns are not exactly the foreign key's columns.</summary>
    OtherLeadingColumns,

    /// <summary>A foreign key column is indexed in another collation than the column's own.</summary>
    OtherCollation,
}
