using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace Cmms.Data.SafeSchemaBench;

/// <summary>One change measured on the busy table, in the form EF Core emits and in Cmms.Data's rewrite.</summary>
/// <param name="Name">The change, in words.</param>
/// <param name="Table">The table it is made on.</param>
/// <param name="WithPrimaryKey">Whether the table starts with a primary key.</param>
/// <param name="Operation">Creates the operation (afresh each run: SQL generation annotates operations).</param>
internal sealed record SchemaChange(string Name, string Table, bool WithPrimaryKey, Func<MigrationOperation> Operation)
{
    public static IReadOnlyList<SchemaChange> All { get; } =
    [
        new("AddForeignKey", "bench_fk", true, () => new AddForeignKeyOperation
        {
            Name = "fk_bench_fk_parents", Table = "bench_fk", Columns = ["parent_id"], PrincipalTable = "parents", PrincipalColumns = ["id"],
            OnDelete = ReferentialAction.NoAction,
        }),
        new("AddCheckConstraint", "bench_check", true, () => new AddCheckConstraintOperation
        {
            Name = "ck_bench_check_value", Table = "bench_check", Sql = "value >= 0",
        }),
        new("AlterColumn nullable → NOT NULL", "bench_not_null", true, () => new AlterColumnOperation
        {
            Name = "serial", Table = "bench_not_null", ClrType = typeof(string), ColumnType = "text", IsNullable = false,
            OldColumn = new AddColumnOperation { Name = "serial", Table = "bench_not_null", ClrType = typeof(string), ColumnType = "text", IsNullable = true },
        }),
        new("AddUniqueConstraint", "bench_unique", true, () => new AddUniqueConstraintOperation
        {
            Name = "ak_bench_unique_serial", Table = "bench_unique", Columns = ["serial"],
        }),
        new("AddPrimaryKey", "bench_pk", false, () => new AddPrimaryKeyOperation { Name = "pk_bench_pk", Table = "bench_pk", Columns = ["id"] }),
    ];
}
