using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace Cmms.Data.Conventions.Migrations.Linting.Rules;

/// <summary>Renaming a table the running application version still uses by its old name.</summary>
internal sealed class RenameTableRule() : MigrationLintRule(
    "CMMS1003",
    "rename-table",
    MigrationLintSeverity.Error,
    "The application version still running during the deployment queries the old name and fails until it is replaced.",
    "Create the new table, write both, backfill, move reads, drop the old table in a later release "
    + "(or keep the old name with ToTable).")
{
    public override IEnumerable<string> Check(MigrationOperation operation, LintScope scope)
    {
        if (operation is RenameTableOperation { NewName: { } newName } rename && newName != rename.Name)
        {
            yield return $"{rename.Name} → {newName}";
        }
    }

    public override IEnumerable<string> Check(SqlStatement statement, LintScope scope)
    {
        if (SqlPatterns.RenameTable().Match(statement.Text) is { Success: true } match)
        {
            yield return match.Value;
        }
    }
}
