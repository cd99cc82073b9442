namespace Cmms.Data.Conventions.Migrations.Linting;

/// <summary>What a column type change costs on a populated table.</summary>
internal enum ColumnTypeChange
{
    /// <summary>The type does not change.</summary>
    None,

    /// <summary>Only the catalog changes (binary-coercible and at least as wide).</summary>
    NoRewrite,

    /// <summary>No rewrite, but every row is checked under ACCESS EXCLUSIVE (a narrower length limit).</summary>
    Scan,

    /// <summary>The whole table and its indexes are rewritten under ACCESS EXCLUSIVE.</summary>
    Rewrite,
}
