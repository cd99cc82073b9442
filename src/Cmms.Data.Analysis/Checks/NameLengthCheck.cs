using Cmms.Data.Analysis.Catalog;
using Cmms.Data.Analysis.Findings;
using Cmms.Data.Analysis.Sql;

namespace Cmms.Data.Analysis.Checks;

/// <summary>
///     <c>name_near_limit</c>: a name of <c>max_identifier_length</c> bytes (NAMEDATALEN - 1, 63) is a warning: PostgreSQL
///     truncates a longer identifier with only a NOTICE, so it was probably cut, and a second long name with the same first
///     63 bytes is the same name (<c>CREATE INDEX IF NOT EXISTS</c> then silently does nothing). Within
///     <see cref="AnalysisThresholds.NameLimitMarginBytes" /> bytes of it, info: names derived from it get cut.
///     https://www.postgresql.org/docs/current/sql-syntax-lexical.html#SQL-SYNTAX-IDENTIFIERS
/// </summary>
internal static class NameLengthCheck
{
    public static IEnumerable<Finding> Run(CatalogSnapshot catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);

        foreach (var name in catalog.Health.LongNames)
        {
            var atLimit = name.Bytes >= name.MaxBytes;
            var ownTable = name.Kind is "table" or "view" or "materialized view";
            yield return new Finding(
                FindingKind.NameNearLimit,
                atLimit ? FindingSeverity.Warning : FindingSeverity.Info,
                name.Table is null ? null : $"{name.Schema}.{name.Table}",
                ownTable ? null : name.Kind == "sequence" ? $"{name.Schema}.{name.Name}" : name.Name,
                null,
                atLimit
                    ? $"The {name.Kind} name {name.Name} is {name.Bytes} bytes, the most PostgreSQL keeps: it was probably cut from a longer name "
                      + "(PostgreSQL truncates with only a NOTICE), and another long name starting with the same bytes is the same name, so a "
                      + "CREATE … IF NOT EXISTS of it silently does nothing."
                    : $"The {name.Kind} name {name.Name} is {name.Bytes} bytes, {name.MaxBytes - name.Bytes} short of the {name.MaxBytes}-byte limit: "
                      + "names built from it (a key's _pkey, a serial's _seq, a partition's index) are cut.",
                ColumnFixSql.Advice("choose a shorter name:", Rename(name, catalog.Quoter)));
        }
    }

    private static string Rename(LongName name, SqlQuoter quoter)
    {
        var own = quoter.Quote(name.Schema, name.Name);
        return name.Kind switch
        {
            "column" => $"ALTER TABLE {quoter.Quote(name.Schema, name.Table!)} RENAME COLUMN {quoter.Quote(name.Name)} TO <shorter>;",
            "constraint" => $"ALTER TABLE {quoter.Quote(name.Schema, name.Table!)} RENAME CONSTRAINT {quoter.Quote(name.Name)} TO <shorter>;",
            "index" => $"ALTER INDEX {own} RENAME TO <shorter>;",
            "sequence" => $"ALTER SEQUENCE {own} RENAME TO <shorter>;",
            "view" => $"ALTER VIEW {own} RENAME TO <shorter>;",
            "materialized view" => $"ALTER MATERIALIZED VIEW {own} RENAME TO <shorter>;",
            _ => $"ALTER TABLE {own} RENAME TO <shorter>;",
        };
    }
}
