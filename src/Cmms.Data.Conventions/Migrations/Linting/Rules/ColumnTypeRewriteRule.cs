using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace Cmms.Data.Conventions.Migrations.Linting.Rules;

/// <summary>A column type change that rewrites the table (or scans it) under ACCESS EXCLUSIVE.</summary>
internal sealed class ColumnTypeRewriteRule() : MigrationLintRule(
    "CMMS1001",
    "column-type-rewrite",
    MigrationLintSeverity.Error,
    "ALTER COLUMN … TYPE rewrites the whole table and every index under ACCESS EXCLUSIVE (or, for a narrower length, scans every row): "
    + "no read or write of the table runs until it ends.",
    "Expand and contract over releases: add a column of the new type, write both, backfill in batches, switch reads, drop the old column. "
    + "varchar(n) → text and a wider varchar(n) change only the catalog.")
{
    public override IEnumerable<string> Check(MigrationOperation operation, LintScope scope)
    {
        if (operation is AlterColumnOperation { ColumnType: { } to, OldColumn.ColumnType: { } from } alter
            && scope.IsExisting(alter.Table, alter.Schema)
            && ColumnTypes.Classify(from, to) is ColumnTypeChange.Rewrite or ColumnTypeChange.Scan)
        {
            yield return $"{alter.Table}.{alter.Name}: {from} → {to}";
        }
    }
}
