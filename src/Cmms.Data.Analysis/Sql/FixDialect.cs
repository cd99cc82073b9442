using Cmms.Data.Analysis.Catalog;

namespace Cmms.Data.Analysis.Sql;

/// <summary>
///     The SQL dialect of the fixes the checks shared by every database engine write: the checks decide what is wrong
///     (through the one rule engine), the dialect how the engine's SQL says the fix.
/// </summary>
internal abstract class FixDialect
{
    /// <summary>The engine's name for reports: <c>PostgreSQL</c>, <c>SQLite</c>.</summary>
    public abstract string Engine { get; }

    /// <summary>
    ///     Whether the catalog keeps the names of primary keys and unique constraints, so the drift check can compare
    ///     them with the model's by name (SQLite names their indexes <c>sqlite_autoindex_…</c> instead).
    /// </summary>
    public abstract bool KeepsKeyNames { get; }

    /// <summary>Drops an index (a constraint's index with its constraint).</summary>
    public abstract string DropIndex(CatalogIndex index);

    /// <summary>A plain index on <paramref name="columns" /> of <paramref name="table" />, named <paramref name="name" />.</summary>
    public abstract string CreateIndex(
        CatalogTable table,
        string name,
        IReadOnlyList<string> columns,
        CatalogSnapshot catalog,
        HashSet<(string Schema, string Name)> taken);

    /// <summary>Drops a foreign key that duplicates another.</summary>
    public abstract string DropForeignKey(CatalogConstraint foreignKey);
}
