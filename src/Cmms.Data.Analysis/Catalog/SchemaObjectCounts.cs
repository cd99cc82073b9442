namespace Cmms.Data.Analysis.Catalog;

/// <summary>
///     The one definition of "how many tables and indexes" every cmms-db output uses (migrate's summary, status,
///     analyze's headline, the README): in the schemas looked at, the <b>tables</b> are ordinary and partitioned
///     tables, the <b>materialized views</b> are counted apart, and the <b>indexes</b> are every index on those
///     relations, the ones behind primary keys and unique constraints included. EF Core's migration history table
///     (<see cref="HistoryTableName" />) and its key are bookkeeping, not the schema: they are not counted, nor is
///     anything an extension owns.
/// </summary>
/// <remarks>relkind values: https://www.postgresql.org/docs/current/catalog-pg-class.html</remarks>
internal static class SchemaObjectCounts
{
    /// <summary>EF Core's default migration history table (<c>HistoryRepository.DefaultTableName</c>).</summary>
    public const string HistoryTableName = "__EFMigrationsHistory";

    /// <summary>
    ///     The SQL condition that a <c>pg_class</c> row aliased <paramref name="alias" /> is a counted relation: a table,
    ///     partitioned table or materialized view, not the history table, not owned by an extension.
    /// </summary>
    public static string CountedRelationSql(string alias)
        => $"""
            {alias}.relkind IN ('r', 'p', 'm') AND {alias}.relname <> '{HistoryTableName}'
            AND {alias}.oid NOT IN (SELECT d.objid FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.deptype = 'e')
            """;

    /// <summary>The same rule for a relation already read from the catalog (extension-owned ones are never read).</summary>
    public static bool IsCounted(string relationName) => relationName != HistoryTableName;

    /// <summary>The counts as one phrase: <c>34 tables, 1 materialized view, 138 indexes</c>.</summary>
    public static string Describe(int tables, int materializedViews, int indexes)
        => $"{Plural(tables, "table")}, {Plural(materializedViews, "materialized view")}, {Plural(indexes, "index", "indexes")}";

    private static string Plural(int count, string noun, string? plural = null) => count == 1 ? $"1 {noun}" : $"{count} {plural ?? noun + "s"}";
}
