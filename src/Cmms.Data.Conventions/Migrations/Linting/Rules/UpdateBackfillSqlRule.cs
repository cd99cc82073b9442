namespace Cmms.Data.Conventions.Migrations.Linting.Rules;

/// <summary>Raw <c>UPDATE</c> of a table that exists (a backfill in one statement).</summary>
internal sealed class UpdateBackfillSqlRule() : MigrationLintRule(
    "CMMS1107",
    "sql-update-backfill",
    MigrationLintSeverity.Warning,
    "One UPDATE of a large table locks every row it touches until the migration commits (blocking the application's writes to "
    + "them), writes a new version of each, and bloats the table and its indexes.",
    "Backfill in batches of a few thousand rows, each in its own transaction, outside the migration (or in a suppressTransaction "
    + "Sql with a loop that commits).")
{
    public override IEnumerable<string> Check(SqlStatement statement, LintScope scope)
    {
        if (SqlPatterns.Update().Match(statement.Text) is { Success: true } match
            && !scope.IsCreatedHere(match.Groups["table"].Value))
        {
            yield return match.Value;
        }
    }
}
