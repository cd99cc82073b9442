using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace Cmms.Data.Conventions.Migrations.Linting.Rules;

/// <summary>A column added to an existing table with a volatile default, which rewrites the table.</summary>
internal sealed class VolatileDefaultRule() : MigrationLintRule(
    "CMMS1006",
    "add-column-volatile-default",
    MigrationLintSeverity.Error,
    "Since PostgreSQL 11 a constant default is stored in the catalog, but a volatile one (random(), gen_random_uuid(), "
    + "clock_timestamp(), nextval()) is evaluated for every row: the table is rewritten under ACCESS EXCLUSIVE.",
    "Add the column without a default (or with a constant one), set the default in a second step, backfill in batches.")
{
    public override IEnumerable<string> Check(MigrationOperation operation, LintScope scope)
    {
        if (operation is AddColumnOperation { DefaultValueSql: { } sql } add
            && scope.IsExisting(add.Table, add.Schema)
            && SqlPatterns.VolatileFunction().IsMatch(sql))
        {
            yield return $"{add.Table}.{add.Name} DEFAULT {sql}";
        }
    }
}
