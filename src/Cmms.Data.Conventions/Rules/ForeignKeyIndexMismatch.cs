namespace Cmms.Data.Conventions.Rules;

/// <summary>
///     Why an index does not serve a foreign key (see <see cref="IndexRedundancyRules.ExplainForeignKeyMismatch" />).
/// </summary>
public enum ForeignKeyIndexMismatch
{
    /// <summary>The index is partial: rows outside its predicate are not in it.</summary>
    Partial,

    /// <summary>The index is not a btree (GIN, GiST, BRIN, hash, SP-GiST cannot serve the foreign key's lookups).</summary>
    NotBtree,

    /// <summary>The index leads with an expression, not with the foreign key's columns.</summary>
    LeadsWithExpression,

    /// <summary>The index's leading key columns are not exactly the foreign key's columns.</summary>
    OtherLeadingColumns,
}
