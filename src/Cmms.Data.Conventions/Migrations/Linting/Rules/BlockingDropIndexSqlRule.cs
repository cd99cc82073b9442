namespace Cmms.Data.Conventions.Migrations.Linting.Rules;

/// <summary>Raw SQL that drops an index without CONCURRENTLY.</summary>
internal sealed class BlockingDropIndexSqlRule() : MigrationLintRule(
    "CMMS1102",
    "sql-blocking-drop-index",
    MigrationLintSeverity.Error,
    "DROP INDEX without CONCURRENTLY takes ACCESS EXCLUSIVE on the table: queued behind any long query, it blocks every read and write.",
    "Use migrationBuilder.DropIndex (Cmms.Data drops it concurrently), or DROP INDEX CONCURRENTLY IF EXISTS in a Sql(…, suppressTransaction: true).")
{
    public override IEnumerable<string> Check(SqlStatement statement, LintScope scope)
    {
        if (SqlPatterns.BlockingDropIndex().IsMatch(statement.Text))
        {
            yield return statement.Text;
        }
    }
}
