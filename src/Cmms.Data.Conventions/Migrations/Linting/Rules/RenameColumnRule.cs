using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace Cmms.Data.Conventions.Migrations.Linting.Rules;

/// <summary>Renaming a column the running application version still reads and writes by its old name.</summary>
internal sealed class RenameColumnRule() : MigrationLintRule(
    "CMMS1002",
    "rename-column",
    MigrationLintSeverity.Error,
    "The application version still running during the deployment queries the old name and fails until it is replaced.",
    "Add the new column, write both, backfill, move reads to the new column, then drop the old one in a later release "
    + "(or map the property to the old name with HasColumnName and keep it).")
{
    public override IEnumerable<string> Check(MigrationOperation operation, LintScope scope)
    {
        if (operation is RenameColumnOperation rename && scope.IsExisting(rename.Table, rename.Schema))
        {
            yield return $"{rename.Table}.{rename.Name} → {rename.NewName}";
        }
    }

    public override IEnumerable<string> Check(SqlStatement statement, LintScope scope)
    {
        if (SqlPatterns.RenameColumn().Match(statement.Text) is { Success: true } match)
        {
            yield return match.Value;
        }
    }
}
