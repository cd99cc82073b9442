namespace Cmms.Data.Conventions.Migrations.Linting.Rules;

/// <summary>Raw <c>ALTER TYPE … ADD VALUE</c> inside the migration's transaction.</summary>
internal sealed class EnumAddValueInTransactionSqlRule() : MigrationLintRule(
    "CMMS1106",
    "sql-enum-add-value-in-transaction",
    MigrationLintSeverity.Warning,
    "Inside a transaction block the new enum value cannot be used until the transaction commits (PostgreSQL 12+; before, the "
    + "statement fails), so a later statement of the same migration that uses it fails.",
    "Run it on its own: migrationBuilder.Sql(\"ALTER TYPE … ADD VALUE IF NOT EXISTS …\", suppressTransaction: true).")
{
    public override IEnumerable<string> Check(SqlStatement statement, LintScope scope)
    {
        if (statement.InTransaction && SqlPatterns.EnumAddValue().IsMatch(statement.Text))
        {
            yield return statement.Text;
        }
    }
}
