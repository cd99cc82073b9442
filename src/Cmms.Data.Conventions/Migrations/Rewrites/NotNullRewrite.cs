using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace Cmms.Data.Conventions.Migrations.Rewrites;

/// <summary>
///     A nullable column of an existing table made NOT NULL: a helper <c>CHECK (column IS NOT NULL) NOT VALID</c>, its
///     <c>VALIDATE</c>, <c>SET NOT NULL</c> (which now skips the scan), the helper check dropped, then the rest of the
///     column change as Npgsql writes it.
/// </summary>
/// <remarks>
///     <c>SET NOT NULL</c> takes ACCESS EXCLUSIVE and scans the whole table to prove there is no NULL, unless a valid
///     CHECK constraint already proves it (PostgreSQL 12 and later): "SET NOT NULL … the table is scanned … this scan is
///     skipped if a valid CHECK constraint is found which proves no NULL can exist"
///     (https://www.postgresql.org/docs/current/sql-altertable.html, "SET/DROP NOT NULL"). The helper check is validated
///     under SHARE UPDATE EXCLUSIVE, so only the final catalog change blocks writes, briefly.
/// </remarks>
internal sealed class NotNullRewrite(RewriteSql sql)
{
    // PostgreSQL truncates longer names (NAMEDATALEN - 1 bytes), which would break the catalog guards that look them up.
    private const int MaxIdentifierBytes = 63;

    /// <param name="operation">The operation (nullable → NOT NULL).</param>
    /// <param name="alterColumn">Writes Npgsql's own commands for the operation (type, default, comment; its SET NOT NULL is then a no-op).</param>
    /// <param name="builder">Where the commands go.</param>
    public void Generate(AlterColumnOperation operation, Action<MigrationCommandListBuilder> alterColumn, MigrationCommandListBuilder builder)
    {
        var table = sql.Table(operation.Table, operation.Schema);
        var column = sql.Identifier(operation.Name);
        var helper = HelperCheckName(operation.Table, operation.Name);

        var columnStillNullable = "EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = "
            + $"{sql.RegClass(operation.Table, operation.Schema)} AND attname = {sql.Literal(operation.Name)} AND NOT attnotnull)";
        RewriteSql.AppendGuarded(
            builder,
            $"{columnStillNullable} AND NOT {sql.ConstraintExists(helper, operation.Table, operation.Schema)}",
            $"ALTER TABLE {table} ADD CONSTRAINT {sql.Identifier(helper)} CHECK ({column} IS NOT NULL) NOT VALID;");
        sql.AppendValidate(
            builder,
            new ValidationFailure(
                "NOT NULL check",
                helper,
                operation.Table,
                operation.Schema,
                "check_violation",
                $"some rows have NULL in {column}",
                $"SELECT * FROM {table} WHERE {column} IS NULL"));

        // SET NOT NULL on its own, while the helper still proves it; Npgsql's ALTER COLUMN below always restates the type,
        // and ALTER COLUMN … TYPE rebuilds (re-checks with a scan, under ACCESS EXCLUSIVE) every constraint on the
        // column, so the helper must be gone before it runs. SET NOT NULL on a NOT NULL column changes nothing.
        RewriteSql.AppendSelfGuarded(builder, $"ALTER TABLE {table} ALTER COLUMN {column} SET NOT NULL;");
        RewriteSql.AppendSelfGuarded(builder, $"ALTER TABLE {table} DROP CONSTRAINT IF EXISTS {sql.Identifier(helper)};");

        alterColumn(builder);
    }

    /// <summary>The helper check's name: <c>{table}_{column}_not_null</c>, shortened with a hash to fit 63 bytes.</summary>
    public static string HelperCheckName(string table, string column)
    {
        var name = $"{table}_{column}_not_null";
        if (Encoding.UTF8.GetByteCount(name) <= MaxIdentifierBytes)
        {
            return name;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name)))[..8];
        var prefix = name;
        while (Encoding.UTF8.GetByteCount(prefix) > MaxIdentifierBytes - hash.Length - 1)
        {
            prefix = prefix[..(char.IsLowSurrogate(prefix[^1]) ? ^2 : ^1)];
        }

        return $"{prefix}_{hash}";
    }
}
