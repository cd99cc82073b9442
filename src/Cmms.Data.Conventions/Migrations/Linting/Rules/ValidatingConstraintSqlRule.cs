namespace Cmms.Data.Conventions.Migrations.Linting.Rules;

/// <summary>Raw SQL adding a foreign key or check constraint without NOT VALID.</summary>
internal sealed class ValidatingConstraintSqlRule() : MigrationLintRule(
    "CMMS1108",
    "sql-constraint-missing-not-valid",
    MigrationLintSeverity.Error,
    "Adding a foreign key or check constraint validates every row while holding a lock that blocks writes (SHARE ROW EXCLUSIVE "
    + "for a foreign key, on both tables; ACCESS EXCLUSIVE for a check).",
    "Use migrationBuilder.AddForeignKey/AddCheckConstraint (Cmms.Data rewrites them), or ADD … NOT VALID, then VALIDATE CONSTRAINT in a separate statement.")
{
    public override IEnumerable<string> Check(SqlStatement statement, LintScope scope)
    {
        if (SqlPatterns.ValidatingConstraint().IsMatch(statement.Text))
        {
            yield return statement.Text;
        }
    }
}
