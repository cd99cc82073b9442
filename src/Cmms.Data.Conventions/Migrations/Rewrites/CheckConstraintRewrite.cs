using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace Cmms.Data.Conventions.Migrations.Rewrites;

/// <summary>
///     A check constraint added to an existing table: <c>ADD CONSTRAINT … CHECK (…) NOT VALID</c>, then
///     <c>VALIDATE CONSTRAINT</c> as a statement of its own.
/// </summary>
/// <remarks>
///     <c>ADD CONSTRAINT … CHECK</c> takes ACCESS EXCLUSIVE (every read and write of the table waits) and, without
///     NOT VALID, keeps it for a scan of the whole table. With NOT VALID the lock lasts only for the catalog change; the
///     scan moves to VALIDATE CONSTRAINT under SHARE UPDATE EXCLUSIVE, which lets writes go on
///     (https://www.postgresql.org/docs/current/sql-altertable.html, "ADD table_constraint … NOT VALID").
/// </remarks>
internal sealed class CheckConstraintRewrite(RewriteSql sql)
{
    public void Generate(AddCheckConstraintOperation operation, MigrationCommandListBuilder builder)
    {
        var table = sql.Table(operation.Table, operation.Schema);
        RewriteSql.AppendGuarded(
            builder,
            $"NOT {sql.ConstraintExists(operation.Name, operation.Table, operation.Schema)}",
            $"ALTER TABLE {table} ADD CONSTRAINT {sql.Identifier(operation.Name)} CHECK ({operation.Sql}) NOT VALID;");

        // A check passes when its expression is true or NULL, so the offending rows are those where it is false.
        sql.AppendValidate(
            builder,
            new ValidationFailure(
                "check constraint",
                operation.Name,
                operation.Table,
                operation.Schema,
                "check_violation",
                "some rows fail its condition",
                $"SELECT * FROM {table} WHERE NOT ({operation.Sql})"));
    }
}
