using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace Cmms.Data.Conventions.Migrations.Linting.Rules;

/// <summary>Dropping a column the previous application version may still read.</summary>
internal sealed class DropColumnRule() : MigrationLintRule(
    "CMMS1004",
    "drop-column",
    MigrationLintSeverity.Warning,
    "EF Core selects every mapped column: the previous application version, still running during the deployment, fails on every "
    + "query of the table once the column is gone.",
    "Release the application without the property first (it no longer reads the column), then drop the column in the next migration.")
{
    public override IEnumerable<string> Check(MigrationOperation operation, LintScope scope)
    {
        if (operation is DropColumnOperation drop && scope.IsExisting(drop.Table, drop.Schema))
        {
            yield return $"{drop.Table}.{drop.Name}";
        }
    }
}
