using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace Cmms.Data.Conventions.Migrations.Linting.Rules;

/// <summary>A stored generated column added to an existing table, which rewrites it.</summary>
internal sealed class StoredGeneratedColumnRule() : MigrationLintRule(
    "CMMS1008",
    "add-stored-generated-column",
    MigrationLintSeverity.Error,
    "Adding a STORED generated column computes it for every row: the table is rewritten under ACCESS EXCLUSIVE.",
    "Add a plain nullable column, fill it from a trigger and a batched backfill, or compute the value in queries.")
{
    public override IEnumerable<string> Check(MigrationOperation operation, LintScope scope)
    {
        if (operation is AddColumnOperation { ComputedColumnSql: { } sql, IsStored: not false } add && scope.IsExisting(add.Table, add.Schema))
        {
            yield return $"{add.Table}.{add.Name} GENERATED ALWAYS AS ({sql}) STORED";
        }
    }
}
