namespace Cmms.Data.Conventions.Migrations.Linting.Rules;

/// <summary>Raw <c>LOCK TABLE</c>.</summary>
internal sealed class LockTableSqlRule() : MigrationLintRule(
    "CMMS1103",
    "sql-lock-table",
    MigrationLintSeverity.Error,
    "LOCK TABLE takes ACCESS EXCLUSIVE unless a mode is named, and holds it to the end of the migration's transaction.",
    "Do without the explicit lock: each statement takes the lock it needs; keep the transaction short.")
{
    public override IEnumerable<string> Check(SqlStatement statement, LintScope scope)
    {
        if (SqlPatterns.LockTable().IsMatch(statement.Text))
        {
            yield return statement.Text;
        }
    }
}
