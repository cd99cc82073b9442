namespace Cmms.Data.Analysis.Catalog;

/// <summary>
///     The catalog queries of analyze: one per kind of object, never one per table, each filtered by the schema list
///     in <c>$1</c>. They read only catalogs, statistics views and functions any role may call, so a role with
///     CONNECT and schema USAGE alone can run them.
/// </summary>
/// <remarks>
///     Objects that belong to an extension (<c>pg_depend.deptype = 'e'</c>) are left out: they are not the user's to
///     change. Catalog layout: https://www.postgresql.org/docs/current/catalogs.html
/// </remarks>
internal static class CatalogSql
{
    /// <summary>Where <see cref="Indexes" /> reads NULLS NOT DISTINCT.</summary>
    public const string NullsNotDistinctPlaceholder = "{nulls_not_distinct}";

    /// <summary>
    ///     Where <see cref="Indexes" /> and <see cref="IndexColumns" /> narrow their tables (<c>n</c> the schema,
    ///     <c>t</c> the table): <see cref="AllTables" />, or <see cref="ListedTables" />.
    /// </summary>
    public const string TableFilterPlaceholder = "{table_filter}";

    /// <summary>The table filter of analyze: every table of the schemas in <c>$1</c>.</summary>
    public const string AllTables = "true";

    /// <summary>The table filter of advise: only the tables named by the schema and table arrays <c>$2</c> and <c>$3</c>.</summary>
    public const string ListedTables = "(n.nspname, t.relname) IN (SELECT * FROM unnest($2::text[], $3::text[]))";

    /// <summary>Server facts, the keywords <c>quote_ident</c> quotes, and every user schema.</summary>
    public const string Facts = """
        SELECT current_database(),
               current_setting('server_version'),
               current_setting('server_version_num')::int,
               current_setting('block_size')::int,
               pg_stat_get_db_stat_reset_time((SELECT oid FROM pg_database WHERE datname = current_database())),
               statement_timestamp(),
               ARRAY(SELECT word FROM pg_get_keywords() WHERE catcode <> 'U'),
               ARRAY(SELECT nspname::text FROM pg_namespace
                     WHERE nspname NOT IN ('pg_catalog', 'information_schema')
                       AND nspname NOT LIKE 'pg\_toast%' AND nspname NOT LIKE 'pg\_temp\_%'
                       AND NOT EXISTS (SELECT 1 FROM pg_depend d
                                       WHERE d.classid = 'pg_namespace'::regclass AND d.objid = pg_namespace.oid AND d.deptype = 'e')
                     ORDER BY nspname)
        """;

    /// <summary>
    ///     Tables, partitioned tables and materialized views with their size (with TOAST, free space and visibility
    ///     maps; their indexes are summed from <see cref="Indexes" />), tuple counts and, for a partition, its parent.
    /// </summary>
    public const string Tables = """
        SELECT n.nspname, c.relname, c.relkind::text, c.relispartition,
               EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conrelid = c.oid AND k.contype = 'p'),
               c.reltuples::float8, pg_table_size(c.oid),
               pg_stat_get_live_tuples(c.oid), pg_stat_get_dead_tuples(c.oid),
               parent.nspname, parent.relname, pg_stat_get_numscans(c.oid)
        FROM pg_class c
        JOIN pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN LATERAL (
            SELECT pn.nspname::text, p.relname::text FROM pg_inherits h
            JOIN pg_class p ON p.oid = h.inhparent
            JOIN pg_namespace pn ON pn.oid = p.relnamespace
            WHERE h.inhrelid = c.oid AND c.relispartition
        ) parent ON true
        WHERE c.relkind IN ('r', 'p', 'm') AND n.nspname = ANY($1)
          AND c.oid NOT IN (SELECT d.objid FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.deptype = 'e')
        ORDER BY n.nspname, c.relname
        """;

    /// <summary>
    ///     Every index, one row each, with whether a foreign key (of any table) depends on it as the unique index it
    ///     references, and the partitioned table's index it is attached to, if any. The full definition is deparsed only for invalid indexes (their fix rebuilds them), which keeps
    ///     this query cheap on large catalogs. <see cref="NullsNotDistinctPlaceholder" /> stands for
    ///     the NULLS NOT DISTINCT column, which exists from PostgreSQL 15 on.
    /// </summary>
    public const string Indexes = """
        SELECT i.indexrelid::int8, n.nspname, t.relname, c.relname, am.amname, c.relkind = 'I',
               i.indisunique, i.indisvalid AND i.indisready, i.indnkeyatts::int, con.contype::text,
               pg_get_expr(i.indpred, i.indrelid, true), {nulls_not_distinct},
               CASE WHEN NOT (i.indisvalid AND i.indisready) THEN pg_get_indexdef(i.indexrelid) END,
               pg_relation_size(i.indexrelid), c.relpages::int8, c.reltuples::float8, pg_stat_get_numscans(i.indexrelid),
               COALESCE((SELECT o.option_value::int FROM pg_options_to_table(c.reloptions) o WHERE o.option_name = 'fillfactor'), 90),
               i.indexrelid IN (SELECT f.conindid FROM pg_constraint f WHERE f.contype = 'f'),
               parent.relname
        FROM pg_index i
        JOIN pg_class c ON c.oid = i.indexrelid
        JOIN pg_class t ON t.oid = i.indrelid
        JOIN pg_namespace n ON n.oid = t.relnamespace
        JOIN pg_am am ON am.oid = c.relam
        LEFT JOIN pg_constraint con ON con.conindid = i.indexrelid AND con.conrelid = i.indrelid AND con.contype IN ('p', 'u', 'x')
        LEFT JOIN LATERAL (
            SELECT p.relname::text FROM pg_inherits h JOIN pg_class p ON p.oid = h.inhparent
            WHERE h.inhrelid = i.indexrelid AND c.relispartition
        ) parent ON true
        WHERE t.relkind IN ('r', 'p', 'm') AND n.nspname = ANY($1) AND {table_filter}
          AND t.oid NOT IN (SELECT d.objid FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.deptype = 'e')
        ORDER BY n.nspname, t.relname, c.relname
        """;

    /// <summary>
    ///     Every column of every index (key columns, then INCLUDE columns), in order. Conventions the rule engine
    ///     expects: the operator class is null when it is the type's default, the collation null when it is the
    ///     column's own (for an expression: the database default), DESC is <c>indoption</c> bit 1 and NULLS FIRST bit
    ///     2, an expression comes deparsed by <c>pg_get_indexdef(index, column, true)</c>. Storage facts (length,
    ///     alignment, statistics column) feed the bloat estimate.
    /// </summary>
    public const string IndexColumns = """
        SELECT i.indexrelid::int8, x.attnum = 0,
               CASE WHEN x.attnum = 0 THEN pg_get_indexdef(i.indexrelid, x.ord::int, true) ELSE a.attname::text END,
               x.ord <= i.indnkeyatts AND (i.indoption[x.ord - 1] & 1) <> 0,
               x.ord <= i.indnkeyatts AND (i.indoption[x.ord - 1] & 2) <> 0,
               CASE WHEN NOT opc.opcdefault THEN opc.opcname::text END,
               CASE WHEN co.oid <> COALESCE(NULLIF(a.attcollation, 0), 100) THEN co.collname::text END,
               COALESCE(a.attname, ia.attname)::text, ia.attlen::int, ia.attalign::text, COALESCE(a.attnotnull, false)
        FROM pg_index i
        JOIN pg_class t ON t.oid = i.indrelid
        JOIN pg_namespace n ON n.oid = t.relnamespace
        CROSS JOIN LATERAL unnest(i.indkey::int2[]) WITH ORDINALITY AS x(attnum, ord)
        LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = x.attnum AND x.attnum > 0
        LEFT JOIN pg_attribute ia ON ia.attrelid = i.indexrelid AND ia.attnum = x.ord
        LEFT JOIN pg_opclass opc ON x.ord <= i.indnkeyatts AND opc.oid = i.indclass[x.ord - 1]
        LEFT JOIN pg_collation co ON x.ord <= i.indnkeyatts AND co.oid = NULLIF(i.indcollation[x.ord - 1], 0)
        WHERE t.relkind IN ('r', 'p', 'm') AND n.nspname = ANY($1) AND {table_filter}
        ORDER BY i.indexrelid, x.ord
        """;

    /// <summary>
    ///     Foreign keys and every constraint still NOT VALID, each where it was declared: not the clones a partition
    ///     gets of its parent's (<c>conparentid</c>), nor the check constraints a partition or child inherits
    ///     (<c>conislocal</c> false), whose fix is at the parent
    ///     (https://www.postgresql.org/docs/current/ddl-partitioning.html#DDL-PARTITIONING-DECLARATIVE-MAINTENANCE).
    /// </summary>
    public const string Constraints = """
        SELECT n.nspname, t.relname, k.conname, k.contype::text, k.convalidated,
               ARRAY(SELECT a.attname::text FROM unnest(k.conkey) WITH ORDINALITY AS u(attnum, ord)
                     JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.attnum ORDER BY u.ord),
               CASE WHEN k.contype = 'f' THEN rn.nspname || '.' || r.relname END,
               ARRAY(SELECT a.attname::text FROM unnest(k.confkey) WITH ORDINALITY AS u(attnum, ord)
                     JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = u.attnum ORDER BY u.ord)
        FROM pg_constraint k
        JOIN pg_class t ON t.oid = k.conrelid
        JOIN pg_namespace n ON n.oid = t.relnamespace
        LEFT JOIN pg_class r ON r.oid = k.confrelid
        LEFT JOIN pg_namespace rn ON rn.oid = r.relnamespace
        WHERE k.conparentid = 0 AND k.conislocal AND (k.contype = 'f' OR NOT k.convalidated) AND n.nspname = ANY($1)
        ORDER BY n.nspname, t.relname, k.conname
        """;

    /// <summary>
    ///     Sequences with their state where the role may read it (<c>pg_sequence_last_value</c> raises an error
    ///     otherwise), and the narrowest column each feeds: its serial or identity column, or any column whose
    ///     <c>DEFAULT nextval(…)</c> calls it, owned or not (the default's <c>pg_attrdef</c> depends on the sequence).
    /// </summary>
    public const string Sequences = """
        SELECT n.nspname, c.relname, format_type(s.seqtypid, NULL), s.seqmin, s.seqmax, s.seqincrement, s.seqcycle,
               has_sequence_privilege(c.oid, 'SELECT,USAGE'),
               CASE WHEN has_sequence_privilege(c.oid, 'SELECT,USAGE') THEN pg_sequence_last_value(c.oid) END,
               o.nspname, o.relname, o.attname, o.type_name, s.seqstart
        FROM pg_sequence s
        JOIN pg_class c ON c.oid = s.seqrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN LATERAL (
            SELECT tn.nspname, tc.relname, a.attname, format_type(a.atttypid, NULL) AS type_name, a.attlen AS width, 0 AS source
            FROM pg_depend d
            JOIN pg_class tc ON tc.oid = d.refobjid
            JOIN pg_namespace tn ON tn.oid = tc.relnamespace
            JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
            WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.refclassid = 'pg_class'::regclass
              AND d.deptype IN ('a', 'i') AND d.refobjsubid > 0
            UNION ALL
            SELECT tn.nspname, tc.relname, a.attname, format_type(a.atttypid, NULL), a.attlen, 1
            FROM pg_depend d
            JOIN pg_attrdef ad ON ad.oid = d.objid
            JOIN pg_class tc ON tc.oid = ad.adrelid
            JOIN pg_namespace tn ON tn.oid = tc.relnamespace
            JOIN pg_attribute a ON a.attrelid = ad.adrelid AND a.attnum = ad.adnum
            WHERE d.classid = 'pg_attrdef'::regclass AND d.refclassid = 'pg_class'::regclass AND d.refobjid = c.oid
            ORDER BY width, source
            LIMIT 1
        ) o ON true
        WHERE n.nspname = ANY($1)
          AND c.oid NOT IN (SELECT d.objid FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.deptype = 'e')
        ORDER BY n.nspname, c.relname
        """;

    /// <summary>Average width and null fraction of every column the role may see statistics of (tables and expression indexes).</summary>
    public const string Statistics = """
        SELECT schemaname, tablename, attname, avg_width, null_frac::float8
        FROM pg_stats
        WHERE schemaname = ANY($1) AND NOT inherited
        """;

    /// <summary>
    ///     Whether an EF Core migration history table exists, whether the role may read it, and the query that reads its
    ///     migration ids, quoted by the server's own <c>format('%I')</c>. The id is the key column, whatever a naming
    ///     convention called it (<c>MigrationId</c>, <c>migration_id</c>).
    /// </summary>
    public const string HistoryTable = """
        SELECT has_table_privilege(c.oid, 'SELECT'),
               format('SELECT %I::text FROM %I.%I',
                      COALESCE((SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = i.indkey[0]
                                WHERE i.indrelid = c.oid AND i.indisprimary),
                               (SELECT a.attname FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attnum = 1)),
                      n.nspname, c.relname)
        FROM pg_class c
        JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relname = '__EFMigrationsHistory' AND c.relkind IN ('r', 'p')
        ORDER BY n.nspname = current_schema() DESC, n.nspname
        LIMIT 1
        """;
}
