using Cmms.Data.Analysis.Catalog;
using Cmms.Data.Analysis.Findings;
using Cmms.Data.Analysis.Sql;

namespace Cmms.Data.Analysis.Checks;

/// <summary>
///     Column types the PostgreSQL documentation and wiki ("Don't Do This") advise against: <c>json_column</c>,
///     <c>timestamp_without_time_zone</c>, <c>money_column</c>, <c>char_column</c> (warnings, each with the
///     <c>ALTER COLUMN … TYPE</c> that replaces it), and <c>serial_column</c>, <c>integer_primary_key</c> (a self-numbering one; info, with
///     advice: neither has a one-statement fix that is safe while the table is written). Judged where the column is
///     declared: a partition's columns are its parent's, a materialized view's come from its query.
/// </summary>
internal static class ColumnTypeCheck
{
    public static IEnumerable<Finding> Run(CatalogSnapshot catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);

        var declared = catalog.Tables.Where(t => t is { IsPartition: false, Kind: not RelationKind.MaterializedView })
            .Select(t => t.QualifiedName)
            .ToHashSet(StringComparer.Ordinal);
        var findings = new List<Finding>();
        foreach (var column in catalog.Health.Columns.Where(c => declared.Contains(c.QualifiedTable)))
        {
            if (TypeFinding(column, catalog.Quoter) is { } finding)
            {
                findings.Add(finding);
            }

            if (column is { DefaultSequence: { } sequence, SequenceOwnedByColumn: true, Identity: "" })
            {
                findings.Add(Serial(column, sequence, catalog));
            }
        }

        return findings.Concat(IntegerPrimaryKeys(catalog, declared));
    }

    private static Finding? TypeFinding(CatalogColumn column, SqlQuoter quoter)
    {
        var where = $"{column.QualifiedTable}.{column.Name}";
        return column.TypeName switch
        {
            "json" => Warning(
                FindingKind.JsonColumn,
                column,
                $"{where} is json: every read re-parses the text, it has no equality operator (no DISTINCT, GROUP BY or UNIQUE on it) and no GIN "
                + "operator class. jsonb stores it parsed (duplicate keys collapse, key order is not kept, and a \\u0000 escape is refused).",
                ColumnFixSql.AlterType(column.Schema, column.Table, column.Name, "jsonb", quoter)),
            "timestamp" => Warning(
                FindingKind.TimestampWithoutTimeZone,
                column,
                $"{where} is {column.Type}: it stores a wall-clock reading without its zone, so the instant it means depends on every "
                + "writer's and reader's TimeZone setting; timestamptz stores the instant. The fix reads the values as UTC: change the zone "
                + "in the USING clause if they were written in another.",
                ColumnFixSql.AlterType(column.Schema, column.Table, column.Name, column.Type.Replace("without", "with", StringComparison.Ordinal), quoter, "{0} AT TIME ZONE 'UTC'")),
            "money" => Warning(
                FindingKind.MoneyColumn,
                column,
                $"{where} is money: its text form and its fractional digits follow the lc_monetary setting of each session, so a dump "
                + "restored under another locale reads different amounts, and division rounds to cents. numeric keeps the exact value.",
                ColumnFixSql.AlterType(column.Schema, column.Table, column.Name, "numeric", quoter, "{0}::numeric")),
            "bpchar" => Warning(
                FindingKind.CharColumn,
                column,
                $"{where} is {column.Type}: values are padded with spaces to the length, the padding is ignored in comparisons but not in "
                + "LIKE, regular expressions or the client's string, and it is no faster than varchar. The fix keeps the length limit "
                + "and drops the padding.",
                ColumnFixSql.AlterType(column.Schema, column.Table, column.Name, VaryingType(column.Type), quoter)),
            _ => null,
        };
    }

    // bpchar(n) prints as "character(n)"; a bpchar without a length (unlimited) becomes text.
    private static string VaryingType(string type)
        => type.StartsWith("character(", StringComparison.Ordinal) ? "character varying" + type["character".Length..] : "text";

    private static Finding Warning(FindingKind kind, CatalogColumn column, string detail, string fix)
        => new(kind, FindingSeverity.Warning, column.QualifiedTable, column.Name, null, detail, fix);

    private static Finding Serial(CatalogColumn column, (string Schema, string Name) sequence, CatalogSnapshot catalog)
    {
        var quoter = catalog.Quoter;
        var table = quoter.Quote(column.Schema, column.Table);
        var name = quoter.Quote(column.Name);
        var start = catalog.Sequences.FirstOrDefault(s => s.Schema == sequence.Schema && s.Name == sequence.Name)?.LastValue is { } last
            ? FindingText.Count(last + 1).Replace(",", string.Empty, StringComparison.Ordinal)
            : "<the next value>";
        return new Finding(
            FindingKind.SerialColumn,
            FindingSeverity.Info,
            column.QualifiedTable,
            column.Name,
            null,
            $"{column.QualifiedTable}.{column.Name} is serial (its DEFAULT calls {sequence.Schema}.{sequence.Name}, owned by the column): the "
            + "sequence needs its own grants, and a copy of the table (CREATE TABLE … LIKE) shares it. An identity column "
            + "(GENERATED BY DEFAULT AS IDENTITY) is the SQL-standard form whose sequence goes with the column.",
            ColumnFixSql.Advice(
                "in one transaction, while no one inserts (the ALTER TABLE locks the table):",
                $"ALTER TABLE {table} ALTER COLUMN {name} DROP DEFAULT;",
                $"DROP SEQUENCE {quoter.Quote(sequence.Schema, sequence.Name)};",
                $"ALTER TABLE {table} ALTER COLUMN {name} ADD GENERATED BY DEFAULT AS IDENTITY (START WITH {start});"));
    }

    // A primary key on one integer or smallint column fed by a sequence (serial, identity, DEFAULT nextval). sequence_near_max warns before its sequence runs out; this is
    // the earlier, cheaper moment to widen it.
    private static IEnumerable<Finding> IntegerPrimaryKeys(CatalogSnapshot catalog, HashSet<string> declared)
    {
        var columns = ColumnFixSql.ColumnsByTable(catalog);
        var quoter = catalog.Quoter;
        foreach (var key in catalog.Indexes.Where(i => i.Definition.Kind == Cmms.Data.Conventions.Rules.IndexKind.PrimaryKey
            && declared.Contains(i.QualifiedTable) && i.Definition.KeyColumns.Count == 1))
        {
            var column = columns[key.QualifiedTable].FirstOrDefault(c => c.Name == key.Definition.KeyColumns[0].Name);
            // Only a key that numbers itself grows without anyone deciding it; a hand-assigned code never runs out unawares.
            if (column is not { TypeName: "int4" or "int2" } || (column.DefaultSequence is null && column.Identity.Length == 0))
            {
                continue;
            }

            yield return new Finding(
                FindingKind.IntegerPrimaryKey,
                FindingSeverity.Info,
                key.QualifiedTable,
                column.Name,
                null,
                $"The primary key {key.Name} of {key.QualifiedTable} is {column.Type}: it runs out at {FindingText.Count(column.TypeName == "int4" ? int.MaxValue : short.MaxValue)} "
                + "values, and widening it later rewrites the table and every table that references it. bigint costs 4 bytes more per row.",
                ColumnFixSql.Advice(
                    "while the table is small (a rewrite under an ACCESS EXCLUSIVE lock):",
                    $"ALTER TABLE {quoter.Quote(key.Schema, key.TableName)} ALTER COLUMN {quoter.Quote(column.Name)} TYPE bigint;",
                    "then the same for every foreign key column that references it, and ALTER SEQUENCE … AS bigint for its sequence"));
        }
    }
}
