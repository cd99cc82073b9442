using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace Cmms.Data.Conventions.Migrations.Rewrites;

/// <summary>
///     A foreign key added to an existing table: <c>ADD CONSTRAINT … NOT VALID</c>, then <c>VALIDATE CONSTRAINT</c> as a
///     statement of its own.
/// </summary>
/// <remarks>
///     A plain <c>ADD FOREIGN KEY</c> scans the whole table while holding SHARE ROW EXCLUSIVE on it and on the referenced
///     table, so no row of either can be written until the scan ends. With NOT VALID the same lock is held only for the
///     catalog change; the scan moves to VALIDATE CONSTRAINT, which takes SHARE UPDATE EXCLUSIVE on the table and ROW
///     SHARE on the referenced one, neither of which blocks writes
///     (https://www.postgresql.org/docs/current/sql-altertable.html, "ADD table_constraint … NOT VALID" and "VALIDATE CONSTRAINT").
/// </remarks>
internal sealed class ForeignKeyRewrite(RewriteSql sql)
{
    /// <param name="operation">The operation.</param>
    /// <param name="addConstraint">Npgsql's <c>ALTER TABLE … ADD CONSTRAINT … FOREIGN KEY …</c>, without its terminator.</param>
    /// <param name="builder">Where the commands go.</param>
    public void Generate(AddForeignKeyOperation operation, string addConstraint, MigrationCommandListBuilder builder)
    {
        RewriteSql.AppendGuarded(builder, $"NOT {sql.ConstraintExists(operation.Name, operation.Table, operation.Schema)}", addConstraint + " NOT VALID;");
        sql.AppendValidate(
            builder,
            new ValidationFailure(
                "foreign key",
                operation.Name,
                operation.Table,
                operation.Schema,
                "foreign_key_violation",
                $"some rows reference rows of {sql.Table(operation.PrincipalTable, operation.PrincipalSchema)} that do not exist",
                OffendingRows(operation)));
    }

    // MATCH SIMPLE (PostgreSQL's default): a row with any NULL in the key columns is not checked.
    private string OffendingRows(AddForeignKeyOperation operation)
    {
        var columns = operation.Columns;
        var principalColumns = operation.PrincipalColumns!;
        var notNull = string.Join(" AND ", columns.Select(c => $"d.{sql.Identifier(c)} IS NOT NULL"));
        var matches = string.Join(
            " AND ",
            columns.Select((c, i) => $"p.{sql.Identifier(principalColumns[i])} = d.{sql.Identifier(c)}"));
        return $"SELECT d.* FROM {sql.Table(operation.Table, operation.Schema)} AS d WHERE {notNull} "
            + $"AND NOT EXISTS (SELECT 1 FROM {sql.Table(operation.PrincipalTable, operation.PrincipalSchema)} AS p WHERE {matches})";
    }
}
