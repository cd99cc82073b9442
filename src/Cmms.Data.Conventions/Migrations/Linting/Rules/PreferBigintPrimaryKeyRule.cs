using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace Cmms.Data.Conventions.Migrations.Linting.Rules;

/// <summary>A new table whose primary key is a 32- or 16-bit integer.</summary>
internal sealed class PreferBigintPrimaryKeyRule() : MigrationLintRule(
    "CMMS1011",
    "prefer-bigint-primary-key",
    MigrationLintSeverity.Warning,
    "An integer key runs out at 2,147,483,647 rows (fewer with gaps from rolled-back inserts); widening it later rewrites the table "
    + "and every table whose foreign key references it.",
    "Use bigint (long) keys on tables expected to grow; acknowledge the rule for small lookup tables.")
{
    public override IEnumerable<string> Check(MigrationOperation operation, LintScope scope)
    {
        if (operation is not CreateTableOperation { PrimaryKey.Columns: { } keyColumns } create)
        {
            yield break;
        }

        foreach (var column in create.Columns.Where(c => keyColumns.Contains(c.Name) && ColumnTypes.IsNamed(c.ColumnType, "integer", "smallint")))
        {
            yield return $"{create.Name}.{column.Name} {column.ColumnType}";
        }
    }
}
