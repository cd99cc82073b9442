namespace Cmms.Data.Analysis.Catalog;

/// <summary>
///     The catalog queries of the column, table-health and server-activity checks: like <see cref="CatalogSql" />, one
///     query per kind of object, never one per table, filtered by the schema list in <c>$1</c> and readable by a role
///     with CONNECT and schema USAGE alone.
/// </summary>
internal static class HealthCatalogSql
{
    /// <summary>
    ///     Every live column of every table, partitioned table and materialized view (partitions included: their heap
    ///     needs its own bloat estimate), with its type as <c>format_type</c> prints it, whether it is an array, how it
    ///     is stored, its identity kind, and the sequence its <c>DEFAULT</c> calls (the default's <c>pg_attrdef</c>
    ///     depends on it) with whether that sequence is OWNED BY this very column (a serial column), or by any column.
    /// </summary>
    public const string Columns = """
        SELECT n.nspname, c.relname, a.attname, a.attnum::int, format_type(a.atttypid, a.atttypmod), ty.typname::text,
               ty.typcategory = 'A', a.attlen::int, a.attalign::text, a.attnotnull, a.attidentity::text,
               s.nspname, s.relname, s.owned, s.owned_by_any
        FROM pg_attribute a
        JOIN pg_class c ON c.oid = a.attrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
        JOIN pg_type ty ON ty.oid = a.atttypid
        LEFT JOIN LATERAL (
            SELECT sn.nspname::text, sc.relname::text,
                   EXISTS (SELECT 1 FROM pg_depend o
                           WHERE o.classid = 'pg_class'::regclass AND o.objid = sc.oid AND o.deptype = 'a'
                             AND o.refclassid = 'pg_class'::regclass AND o.refobjid = c.oid AND o.refobjsubid = a.attnum) AS owned,
                   EXISTS (SELECT 1 FROM pg_depend o
                           WHERE o.classid = 'pg_class'::regclass AND o.objid = sc.oid AND o.deptype IN ('a', 'i')
                             AND o.refclassid = 'pg_class'::regclass AND o.refobjsubid > 0) AS owned_by_any
            FROM pg_attrdef ad
            JOIN pg_depend d ON d.classid = 'pg_attrdef'::regclass AND d.objid = ad.oid AND d.refclassid = 'pg_class'::regclass
            JOIN pg_class sc ON sc.oid = d.refobjid AND sc.relkind = 'S'
            JOIN pg_namespace sn ON sn.oid = sc.relnamespace
            WHERE ad.adrelid = c.oid AND ad.adnum = a.attnum
            LIMIT 1
        ) s ON a.atthasdef
        WHERE c.relkind IN ('r', 'p', 'm') AND a.attnum > 0 AND NOT a.attisdropped AND n.nspname = ANY($1)
          AND c.oid NOT IN (SELECT d.objid FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.deptype = 'e')
        ORDER BY n.nspname, c.relname, a.attnum
        """;

    /// <summary>
    ///     The column pairs of foreign keys (where they were declared, as in <see cref="CatalogSql.Constraints" />) whose
    ///     referencing column's type or type modifier differs from the referenced column's.
    /// </summary>
    public const string ForeignKeyTypeMismatches = """
        SELECT n.nspname, t.relname, k.conname, a.attname, format_type(a.atttypid, a.atttypmod),
               rn.nspname || '.' || r.relname, fa.attname, format_type(fa.atttypid, fa.atttypmod)
        FROM pg_constraint k
        JOIN pg_class t ON t.oid = k.conrelid
        JOIN pg_namespace n ON n.oid = t.relnamespace
        JOIN pg_class r ON r.oid = k.confrelid
        JOIN pg_namespace rn ON rn.oid = r.relnamespace
        CROSS JOIN LATERAL unnest(k.conkey, k.confkey) WITH ORDINALITY AS u(attnum, fattnum, ord)
        JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.attnum
        JOIN pg_attribute fa ON fa.attrelid = k.confrelid AND fa.attnum = u.fattnum
        WHERE k.contype = 'f' AND k.conparentid = 0 AND k.conislocal AND n.nspname = ANY($1)
          AND (a.atttypid <> fa.atttypid OR a.atttypmod <> fa.atttypmod)
        ORDER BY n.nspname, t.relname, k.conname, u.ord
        """;

    /// <summary>
    ///     Per table: its heap pages and tuples as of the last vacuum or analyze, its fill factor, the rows its
    ///     sequential scans returned (<c>seq_tup_read</c>), and the age of its oldest unfrozen transaction ID (of the
    ///     table or its TOAST table, whichever is older; null for a partitioned table, which stores no rows) beside the
    ///     <c>autovacuum_freeze_max_age</c> that applies to it (its own storage parameter, else the server's).
    /// </summary>
    public const string TableHealth = """
        SELECT n.nspname, c.relname, c.relpages::int8, c.reltuples::float8,
               COALESCE((SELECT o.option_value::int FROM pg_options_to_table(c.reloptions) o WHERE o.option_name = 'fillfactor'), 100),
               pg_stat_get_tuples_returned(c.oid),
               CASE WHEN c.relkind <> 'p' THEN GREATEST(age(c.relfrozenxid), CASE WHEN c.reltoastrelid <> 0 THEN age(toast.relfrozenxid) END) END,
               COALESCE((SELECT o.option_value::int8 FROM pg_options_to_table(c.reloptions) o WHERE o.option_name = 'autovacuum_freeze_max_age'),
                        current_setting('autovacuum_freeze_max_age')::int8)
        FROM pg_class c
        JOIN pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN pg_class toast ON toast.oid = c.reltoastrelid
        WHERE c.relkind IN ('r', 'p', 'm') AND n.nspname = ANY($1)
          AND c.oid NOT IN (SELECT d.objid FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.deptype = 'e')
        ORDER BY n.nspname, c.relname
        """;

    /// <summary>
    ///     Names of relations, columns and constraints within 3 bytes of <c>max_identifier_length</c> (NAMEDATALEN - 1,
    ///     63 on a standard build), measured in bytes of the server encoding as PostgreSQL truncates them, with that limit.
    ///     A key, unique or exclusion constraint is left out: its index has its name and is reported.
    /// </summary>
    public const string LongNames = """
        WITH limits AS (SELECT current_setting('max_identifier_length')::int AS max_bytes)
        SELECT kind, schema_name, table_name, object_name, octet_length(object_name), limits.max_bytes
        FROM (
            SELECT CASE c.relkind WHEN 'i' THEN 'index' WHEN 'I' THEN 'index' WHEN 'S' THEN 'sequence' WHEN 'v' THEN 'view'
                                  WHEN 'm' THEN 'materialized view' ELSE 'table' END AS kind,
                   n.nspname::text AS schema_name,
                   CASE WHEN c.relkind IN ('i', 'I') THEN (SELECT t.relname::text FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid WHERE i.indexrelid = c.oid)
                        WHEN c.relkind IN ('r', 'p', 'm', 'v', 'f') THEN c.relname::text END AS table_name,
                   c.relname::text AS object_name
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('r', 'p', 'm', 'v', 'f', 'i', 'I', 'S') AND n.nspname = ANY($1)
            UNION ALL
            SELECT 'column', n.nspname, c.relname, a.attname
            FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('r', 'p', 'm', 'v', 'f') AND a.attnum > 0 AND NOT a.attisdropped AND n.nspname = ANY($1)
              AND octet_length(a.attname::text) >= current_setting('max_identifier_length')::int - 3
            UNION ALL
            SELECT 'constraint', n.nspname, t.relname, k.conname
            FROM pg_constraint k JOIN pg_class t ON t.oid = k.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace
            WHERE k.conparentid = 0 AND k.contype NOT IN ('p', 'u', 'x') AND n.nspname = ANY($1)
        ) names, limits
        WHERE octet_length(object_name) >= limits.max_bytes - 3
        ORDER BY schema_name, table_name, object_name
        """;

    /// <summary>
    ///     The database's oldest unfrozen transaction ID and multixact ages beside the server's freeze limits, and how many
    ///     other client sessions of this database hide their activity from this role (<c>pg_stat_activity</c> shows other
    ///     roles' sessions only to members of <c>pg_read_all_stats</c>).
    /// </summary>
    public const string DatabaseHealth = """
        SELECT age(d.datfrozenxid)::int8, current_setting('autovacuum_freeze_max_age')::int8,
               (SELECT count(*) FROM pg_stat_activity a
                WHERE a.datid = d.oid AND a.backend_type = 'client backend' AND a.pid <> pg_backend_pid() AND a.state IS NULL)
        FROM pg_database d
        WHERE d.datname = current_database()
        """;

    /// <summary>
    ///     The other client sessions of this database that have a transaction open, with who and what they are and when
    ///     their transaction began (only the sessions this role may see).
    /// </summary>
    public const string OpenTransactions = """
        SELECT a.pid, a.usename::text, a.application_name, a.state, a.xact_start, age(a.backend_xmin)::int8
        FROM pg_stat_activity a
        WHERE a.datname = current_database() AND a.backend_type = 'client backend' AND a.pid <> pg_backend_pid()
          AND a.xact_start IS NOT NULL
        ORDER BY a.xact_start, a.pid
        """;
}
