using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Cmms.Data.Conventions.Migrations.Rewrites;

/// <summary>
///     The SQL pieces every lock-light rewrite is made of: quoted names, catalog guards, and guarded commands that run
///     on their own (outside the migration's transaction): guarded statements of <see cref="SafeMigrationsSqlGenerator" />, each
///     run under the migration's <c>lock_timeout</c> when applied and written outside the history check in idempotent scripts.
/// </summary>
/// <remarks>
///     Each step is its own command, committed on its own: if two steps shared a transaction, the strong lock of the
///     first (ADD CONSTRAINT) would be held through the long scan of the second (VALIDATE), which is exactly the
///     blocking the rewrite avoids (https://www.postgresql.org/docs/current/sql-altertable.html#SQL-ALTERTABLE-NOTES).
/// </remarks>
internal sealed class RewriteSql(ISqlGenerationHelper sqlGenerationHelper, RelationalTypeMapping stringMapping)
{
    /// <summary>
    ///     The HINT of every error a rewrite raises when the data stops it: it tells the user the way out, and tells the
    ///     engine that the error's message is the one line to show (<see cref="FindDataFailure" />). Not the DETAIL, which
    ///     Npgsql redacts unless the connection string has <c>Include Error Detail</c>.
    /// </summary>
    public const string DataFailureHint = "Every step of this change is rerunnable: fix the rows, then run the migration again.";

    /// <summary>The error a rewrite raised because of the data, if <paramref name="exception" /> is or wraps one.</summary>
    public static PostgresException? FindDataFailure(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is PostgresException { Hint: DataFailureHint } failure)
            {
                return failure;
            }
        }

        return null;
    }

    public string Identifier(string name) => sqlGenerationHelper.DelimitIdentifier(name);

    public string Table(string name, string? schema) => sqlGenerationHelper.DelimitIdentifier(name, schema);

    public string Literal(string value) => stringMapping.GenerateSqlLiteral(value);

    public string Columns(IEnumerable<string> columns) => string.Join(", ", columns.Select(Identifier));

    /// <summary>True when the table has a constraint of that name (constraint names are unique per table only).</summary>
    public string ConstraintExists(string constraint, string table, string? schema)
        => $"EXISTS (SELECT 1 FROM pg_constraint WHERE conname = {Literal(constraint)} AND conrelid = {RegClass(table, schema)})";

    /// <summary>True when the table has a constraint of that name that is still NOT VALID.</summary>
    public string ConstraintNotValidated(string constraint, string table, string? schema)
        => $"EXISTS (SELECT 1 FROM pg_constraint WHERE conname = {Literal(constraint)} AND conrelid = {RegClass(table, schema)} AND NOT convalidated)";

    public string RegClass(string table, string? schema) => $"{Literal(Table(table, schema))}::regclass";

    /// <summary>The PL/pgSQL statement that stops the migration with <paramref name="message" />, as a data failure.</summary>
    public string RaiseDataFailure(string condition, string message)
        => $"RAISE EXCEPTION USING ERRCODE = {Literal(condition)}, MESSAGE = {Literal(message)}, HINT = {Literal(DataFailureHint)};";

    /// <summary>A guarded, transaction-suppressed <c>DO</c> block that runs <paramref name="body" /> when <paramref name="condition" /> holds.</summary>
    public static void AppendGuarded(MigrationCommandListBuilder builder, string condition, string body)
        => AppendSelfGuarded(builder, Guarded(condition, body));

    /// <summary>The <c>DO</c> block that runs <paramref name="body" /> when <paramref name="condition" /> holds.</summary>
    public static string Guarded(string condition, string body)
        => string.Join(
            Environment.NewLine,
            "DO $cmms$",
            "BEGIN",
            $"    IF {condition} THEN",
            $"        {body}",
            "    END IF;",
            "END $cmms$;");

    /// <summary>
    ///     A <c>CREATE [UNIQUE] INDEX CONCURRENTLY IF NOT EXISTS</c> that, when it fails for any reason, drops the INVALID
    ///     index it left (<c>DROP INDEX CONCURRENTLY IF EXISTS</c>, outside a transaction like the build) and then runs
    ///     <paramref name="explanation" />, which may raise the one-line error that says why.
    /// </summary>
    /// <remarks>
    ///     A failed concurrent build leaves its index behind, INVALID (https://www.postgresql.org/docs/current/sql-createindex.html#SQL-CREATEINDEX-CONCURRENTLY).
    ///     Dropping by name alone is safe here: with IF NOT EXISTS, a build that got as far as failing found no relation of
    ///     that name, so the one there now is its own leftover. The cleanup only runs when the engine applies the command;
    ///     a script (and a cleanup that could not run) leaves the INVALID index to the next run's <see cref="AppendDropInvalidIndex" />.
    /// </remarks>
    public void AppendConcurrentIndexBuild(MigrationCommandListBuilder builder, string createIndex, string index, string? schema, string explanation)
        => builder
            .Append(SafeMigrationsSqlGenerator.GuardedMark)
            .AppendLine(createIndex)
            .Append(SafeMigrationsSqlGenerator.CleanupMark)
            .AppendLine($"DROP INDEX CONCURRENTLY IF EXISTS {Table(index, schema)};")
            .Append(SafeMigrationsSqlGenerator.NextStatement)
            .AppendLine(explanation)
            .EndCommand(suppressTransaction: true);

    /// <summary>A guarded, transaction-suppressed statement that guards itself (IF [NOT] EXISTS).</summary>
    public static void AppendSelfGuarded(MigrationCommandListBuilder builder, string statement)
        => builder
            .Append(SafeMigrationsSqlGenerator.GuardedMark)
            .AppendLine(statement)
            .EndCommand(suppressTransaction: true);

    /// <summary>
    ///     Drops an index of that name only if it is INVALID, as a failed <c>CREATE INDEX CONCURRENTLY</c> leaves it: a plain
    ///     rerun would fail with "already exists" and IF NOT EXISTS alone would keep the broken index (npgsql/efcore.pg#2737).
    /// </summary>
    public void AppendDropInvalidIndex(MigrationCommandListBuilder builder, string index, string? schema)
        => AppendGuarded(
            builder,
            "EXISTS (SELECT 1 FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
            + $"WHERE c.relname = {Literal(index)} AND n.nspname = {(schema is null ? "current_schema()" : Literal(schema))} AND NOT i.indisvalid)",
            $"DROP INDEX {Table(index, schema)};");

    /// <summary>
    ///     <c>ALTER TABLE … VALIDATE CONSTRAINT</c> while the constraint is still NOT VALID; when rows violate it, the
    ///     migration stops with one line naming the constraint, the table and a query that lists the rows. The
    ///     constraint stays NOT VALID (it still checks every new row), so a rerun after fixing the data completes.
    /// </summary>
    /// <remarks>
    ///     VALIDATE CONSTRAINT takes SHARE UPDATE EXCLUSIVE on the table (and ROW SHARE on a foreign key's referenced
    ///     table), so inserts, updates and deletes go on during its scan
    ///     (https://www.postgresql.org/docs/current/sql-altertable.html, "VALIDATE CONSTRAINT").
    /// </remarks>
    public void AppendValidate(MigrationCommandListBuilder builder, ValidationFailure failure)
    {
        var table = Table(failure.Table, failure.Schema);
        var message = $"The {failure.ConstraintKind} {Identifier(failure.Constraint)} on table {table} cannot be validated: "
            + $"{failure.Problem}. It is left NOT VALID. Find the rows with: {failure.OffendingRows}; fix them and rerun the migration.";
        builder
            .Append(SafeMigrationsSqlGenerator.GuardedMark)
            .AppendLine("DO $cmms$")
            .AppendLine("BEGIN")
            .AppendLine($"    IF {ConstraintNotValidated(failure.Constraint, failure.Table, failure.Schema)} THEN")
            .AppendLine($"        ALTER TABLE {table} VALIDATE CONSTRAINT {Identifier(failure.Constraint)};")
            .AppendLine("    END IF;")
            .AppendLine($"EXCEPTION WHEN {failure.Condition} THEN")
            .AppendLine($"    {RaiseDataFailure(failure.Condition, message)}")
            .AppendLine("END $cmms$;")
            .EndCommand(suppressTransaction: true);
    }
}
