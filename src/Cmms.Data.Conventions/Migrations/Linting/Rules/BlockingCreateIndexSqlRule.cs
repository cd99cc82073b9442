namespace Cmms.Data.Conventions.Migrations.Linting.Rules;

/// <summary>Raw SQL that builds an index without CONCURRENTLY.</summary>
internal sealed class BlockingCreateIndexSqlRule() : MigrationLintRule(
    "CMMS1101",
    "sql-blocking-create-index",
    MigrationLintSeverity.Error,
    "CREATE INDEX without CONCURRENTLY holds a SHARE lock for the whole build: every insert, update and delete of the table waits.",
    "Use migrationBuilder.CreateIndex (Cmms.Data builds it concurrently), or CREATE INDEX CONCURRENTLY IF NOT EXISTS in a Sql(…, suppressTransaction: true).")
{
    public override IEnumerable<string> Check(SqlStatement statement, LintScope scope)
    {
        if (SqlPatterns.BlockingCreateIndex().Match(statement.Text) is { Success: true } match
            && !scope.IsCreatedHere(match.Groups["table"].Value))
        {
            yield return match.Value;
        }
    }
}
