namespace Cmms.Data.Conventions.Migrations.Linting.Rules;

/// <summary>Raw <c>CLUSTER</c>.</summary>
internal sealed class ClusterSqlRule() : MigrationLintRule(
    "CMMS1105",
    "sql-cluster",
    MigrationLintSeverity.Error,
    "CLUSTER rewrites the table in index order under ACCESS EXCLUSIVE.",
    "Use pg_repack --order-by outside the migration, or accept the physical order.")
{
    public override IEnumerable<string> Check(SqlStatement statement, LintScope scope)
    {
        if (SqlPatterns.Cluster().IsMatch(statement.Text))
        {
            yield return statement.Text;
        }
    }
}
