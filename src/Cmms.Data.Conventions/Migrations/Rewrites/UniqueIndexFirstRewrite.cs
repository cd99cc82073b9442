using Microsoft.EntityFrameworkCore.Migrations;

namespace Cmms.Data.Conventions.Migrations.Rewrites;

/// <summary>
///     A unique constraint or primary key added to an existing table: its index is built first with
///     <c>CREATE UNIQUE INDEX CONCURRENTLY</c>, then attached with <c>ADD CONSTRAINT … USING INDEX</c>.
/// </summary>
/// <remarks>
///     <para>
///         A plain <c>ADD CONSTRAINT … UNIQUE/PRIMARY KEY</c> builds its index under ACCESS EXCLUSIVE, blocking every
///         read and write for the whole build. A concurrent build takes SHARE UPDATE EXCLUSIVE
///         (https://www.postgresql.org/docs/current/sql-createindex.html#SQL-CREATEINDEX-CONCURRENTLY) and
///         <c>USING INDEX</c> then only changes the catalog ("ADD table_constraint_using_index",
///         https://www.postgresql.org/docs/current/sql-altertable.html).
///     </para>
///     <para>
///         A failed concurrent build leaves an INVALID index behind, so duplicates are looked for first (a read-only
///         scan): when there are some, the migration stops before any index exists. Duplicates written between that
///         check and the build still fail the build: the engine then drops the INVALID index right away and checks
///         again, so the run stops with the same one line and leaves no index (a script leaves it to the next run,
///         which drops it before building again).
///     </para>
///     <para>
///         For a primary key, PostgreSQL sets NOT NULL on the columns that lack it, with a scan under ACCESS EXCLUSIVE;
///         EF Core alters nullable key columns first, which <see cref="NotNullRewrite" /> makes lock-light.
///     </para>
/// </remarks>
internal sealed class UniqueIndexFirstRewrite(RewriteSql sql)
{
    /// <param name="constraintKind"><c>UNIQUE</c> or <c>PRIMARY KEY</c>.</param>
    /// <param name="name">The constraint's name, which the index takes too.</param>
    /// <param name="tableName">The table.</param>
    /// <param name="schema">The table's schema.</param>
    /// <param name="columns">The key columns.</param>
    /// <param name="builder">Where the commands go.</param>
    public void Generate(
        string constraintKind,
        string name,
        string tableName,
        string? schema,
        IReadOnlyList<string> columns,
        MigrationCommandListBuilder builder)
    {
        var table = sql.Table(tableName, schema);
        var index = sql.Table(name, schema);
        var keyColumns = sql.Columns(columns);
        var constraintMissing = $"NOT {sql.ConstraintExists(name, tableName, schema)}";

        sql.AppendDropInvalidIndex(builder, name, schema);

        var notNull = string.Join(" AND ", columns.Select(c => $"{sql.Identifier(c)} IS NOT NULL"));
        var duplicates = $"SELECT {keyColumns}, count(*) FROM {table} WHERE {notNull} GROUP BY {keyColumns} HAVING count(*) > 1";
        var message = $"The {constraintKind.ToLowerInvariant()} constraint {sql.Identifier(name)} on table {table} cannot be built: "
            + $"some rows share the same ({keyColumns}). No index was built. Find them with: {duplicates}; fix them and rerun the migration.";
        var stopOnDuplicates = RewriteSql.Guarded(
            $"{constraintMissing} AND to_regclass({sql.Literal(index)}) IS NULL AND EXISTS ({duplicates})",
            sql.RaiseDataFailure("unique_violation", message));
        RewriteSql.AppendSelfGuarded(builder, stopOnDuplicates);

        // The same check again after a failed build has dropped its INVALID index: duplicates written since the check
        // above then give the same one line instead of PostgreSQL's "could not create unique index".
        sql.AppendConcurrentIndexBuild(
            builder,
            $"CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS {sql.Identifier(name)} ON {table} ({keyColumns});",
            name,
            schema,
            explanation: stopOnDuplicates);

        RewriteSql.AppendGuarded(
            builder,
            constraintMissing,
            $"ALTER TABLE {table} ADD CONSTRAINT {sql.Identifier(name)} {constraintKind} USING INDEX {sql.Identifier(name)};");
    }
}
