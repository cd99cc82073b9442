using Cmms.Data.IntegrationTests.Infrastructure;

namespace Cmms.Data.IntegrationTests.Security;

/// <summary>
///     What a fix may change, one line per fact: every relation of schema public (with its index definition and
///     validity), constraint (with its definition, which ends in NOT VALID until validated), sequence (type and maximum), column (type), and
///     the row count of every table. Two snapshots differ exactly where a statement changed the schema or the data.
/// </summary>
internal static class SchemaSnapshot
{
    private const string Catalog = """
        SELECT format('relation %s %s %s', quote_ident(c.relname), c.relkind,
                      coalesce(pg_get_indexdef(c.oid) || CASE WHEN i.indisvalid THEN '' ELSE ' INVALID' END, ''))
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace LEFT JOIN pg_index i ON i.indexrelid = c.oid
        WHERE n.nspname = 'public'
        UNION ALL
        SELECT format('constraint %s on %s: %s', quote_ident(k.conname), k.conrelid::regclass, pg_get_constraintdef(k.oid))
        FROM pg_constraint k JOIN pg_namespace n ON n.oid = k.connamespace
        WHERE n.nspname = 'public'
        UNION ALL
        SELECT format('sequence %s %s max %s', s.seqrelid::regclass, format_type(s.seqtypid, NULL), s.seqmax)
        FROM pg_sequence s JOIN pg_class c ON c.oid = s.seqrelid JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public'
        UNION ALL
        SELECT format('column %s.%s %s', a.attrelid::regclass, quote_ident(a.attname), format_type(a.atttypid, a.atttypmod))
        FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
        """;

    public static async Task<IReadOnlySet<string>> TakeAsync(string connectionString)
    {
        var facts = (await Sql.ListAsync<string>(connectionString, Catalog)).ToHashSet(StringComparer.Ordinal);
        var tables = await Sql.ListAsync<string>(
            connectionString,
            "SELECT c.oid::regclass::text FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind = 'r'");
        foreach (var table in tables)
        {
            facts.Add($"rows {table} {await Sql.ScalarAsync<long>(connectionString, $"SELECT count(*) FROM {table}")}");
        }

        return facts;
    }
}
