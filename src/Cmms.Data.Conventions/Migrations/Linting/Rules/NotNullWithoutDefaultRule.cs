using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace Cmms.Data.Conventions.Migrations.Linting.Rules;

/// <summary>A NOT NULL column without a default added to an existing table.</summary>
internal sealed class NotNullWithoutDefaultRule() : MigrationLintRule(
    "CMMS1007",
    "add-not-null-column-without-default",
    MigrationLintSeverity.Error,
    "On a table with rows it fails (the existing rows would be NULL); and the previous application version, which does not "
    + "know the column, cannot insert into the table any more.",
    "Add the column nullable (or with a constant default), backfill in batches, then make it NOT NULL (which Cmms.Data rewrites "
    + "into a validated check, without a long lock).")
{
    public override IEnumerable<string> Check(MigrationOperation operation, LintScope scope)
    {
        if (operation is AddColumnOperation { IsNullable: false, DefaultValue: null, DefaultValueSql: null, ComputedColumnSql: null } add
            && scope.IsExisting(add.Table, add.Schema))
        {
            yield return $"{add.Table}.{add.Name}";
        }
    }
}
