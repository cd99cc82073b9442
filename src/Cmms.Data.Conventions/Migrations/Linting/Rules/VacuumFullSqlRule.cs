namespace Cmms.Data.Conventions.Migrations.Linting.Rules;

/// <summary>Raw <c>VACUUM FULL</c>.</summary>
internal sealed class VacuumFullSqlRule() : MigrationLintRule(
    "CMMS1104",
    "sql-vacuum-full",
    MigrationLintSeverity.Error,
    "VACUUM FULL rewrites the table and its indexes under ACCESS EXCLUSIVE; it also cannot run inside a transaction.",
    "Leave space reclamation to autovacuum, or use pg_repack outside the migration.")
{
    public override IEnumerable<string> Check(SqlStatement statement, LintScope scope)
    {
        if (SqlPatterns.VacuumFull().IsMatch(statement.Text))
        {
            yield return statement.Text;
        }
    }
}
