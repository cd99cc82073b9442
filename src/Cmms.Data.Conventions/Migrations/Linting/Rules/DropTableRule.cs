using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace Cmms.Data.Conventions.Migrations.Linting.Rules;

/// <summary>Dropping a table the previous application version may still read.</summary>
internal sealed class DropTableRule() : MigrationLintRule(
    "CMMS1005",
    "drop-table",
    MigrationLintSeverity.Warning,
    "The previous application version, still running during the deployment, fails on every query of the table once it is gone; "
    + "its data cannot be recovered by a rollback of the application.",
    "Release the application without the entity first, then drop the table in the next migration.")
{
    public override IEnumerable<string> Check(MigrationOperation operation, LintScope scope)
    {
        if (operation is DropTableOperation drop)
        {
            yield return drop.Name;
        }
    }
}
