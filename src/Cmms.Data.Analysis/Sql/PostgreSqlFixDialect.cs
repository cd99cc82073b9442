using Cmms.Data.Analysis.Catalog;

namespace Cmms.Data.Analysis.Sql;

/// <summary>PostgreSQL's fixes: index changes CONCURRENTLY (<see cref="FixSql" />), names quoted as the server does (<see cref="SqlQuoter" />).</summary>
internal sealed class PostgreSqlFixDialect(SqlQuoter quoter) : FixDialect
{
    public override string Engine => "PostgreSQL";

    public override bool KeepsKeyNames => true;

    public override string DropIndex(CatalogIndex index) => FixSql.DropIndex(index, quoter);

    public override string CreateIndex(
        CatalogTable table,
        string name,
        IReadOnlyList<string> columns,
        CatalogSnapshot catalog,
        HashSet<(string Schema, string Name)> taken)
        => FixSql.CreateIndex(table, name, columns, catalog, taken);

    public override string DropForeignKey(CatalogConstraint foreignKey)
    {
        ArgumentNullException.ThrowIfNull(foreignKey);

        return $"ALTER TABLE {quoter.Quote(foreignKey.Schema, foreignKey.Table)} DROP CONSTRAINT {quoter.Quote(foreignKey.Name)};";
    }
}
