using Cmms.Data.Analysis.Catalog;
using Cmms.Data.Analysis.Findings;
using Cmms.Data.Analysis.Sql;

namespace Cmms.Data.Analysis.Checks;

/// <summary>
///     <c>sequence_near_max</c>: a sequence that has used most of its range, or of the range of the column it feeds
///     (a bigint sequence behind an integer column fails at the column's limit).
/// </summary>
internal static class SequenceCheck
{
    public static IEnumerable<Finding> Run(CatalogSnapshot catalog, ICollection<string> notes)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(notes);

        var unreadable = catalog.Sequences.Count(s => !s.IsReadable);
        if (unreadable > 0)
        {
            notes.Add($"{unreadable} sequence(s) not checked: this role has neither USAGE nor SELECT on them.");
        }

        var findings = new List<Finding>();
        foreach (var sequence in catalog.Sequences.Where(s => s is { Cycles: false, IsReadable: true }))
        {
            // Never called (pg_sequence_last_value is NULL until the first nextval): its first value is its start, so
            // it stands one increment before it.
            var position = sequence.LastValue ?? (decimal)sequence.StartValue - sequence.Increment;
            var (min, max) = EffectiveRange(sequence);
            if (max <= min)
            {
                continue;
            }

            var used = sequence.Increment > 0
                ? (double)((position - min) / ((decimal)max - min))
                : (double)(((decimal)max - position) / ((decimal)max - min));
            if (used < AnalysisThresholds.SequenceWarning)
            {
                continue;
            }

            var limit = sequence.Increment > 0 ? max : min;
            var column = sequence.Owner is { } owner ? $" feeding {owner.QualifiedTable}.{owner.Column} ({owner.ColumnType})" : string.Empty;
            findings.Add(new Finding(
                FindingKind.SequenceNearMax,
                used >= AnalysisThresholds.SequenceError ? FindingSeverity.Error : FindingSeverity.Warning,
                sequence.Owner?.QualifiedTable,
                null,
                null,
                $"Sequence {sequence.QualifiedName}{column} has used {FindingText.Percent(used)} of its range "
                + (sequence.LastValue is { } last
                    ? $"(last value {FindingText.Count(last)}, limit {FindingText.Count(limit)})"
                    : $"before its first call (it starts at {FindingText.Count(sequence.StartValue)}, limit {FindingText.Count(limit)})")
                + "; inserts fail when it runs out.",
                Fix(sequence, catalog)));
        }

        return findings;
    }

    private static (long Min, long Max) EffectiveRange(CatalogSequence sequence)
    {
        var (typeMin, typeMax) = sequence.Owner?.ColumnType switch
        {
            "smallint" => ((long)short.MinValue, (long)short.MaxValue),
            "integer" => ((long)int.MinValue, (long)int.MaxValue),
            _ => (long.MinValue, long.MaxValue),
        };
        return (Math.Max(sequence.MinValue, typeMin), Math.Min(sequence.MaxValue, typeMax));
    }

    // Widening to bigint: ALTER SEQUENCE … AS bigint also raises a maximum that was the old type's default.
    private static string Fix(CatalogSequence sequence, CatalogSnapshot catalog)
    {
        var quoter = catalog.Quoter;
        var statements = new List<string>();
        if (sequence.Owner is { ColumnType: "smallint" or "integer" } owner)
        {
            statements.Add(ColumnFixSql.AlterType(owner.Schema, owner.Table, owner.Column, "bigint", quoter));
        }

        var sequenceName = quoter.Quote(sequence.Schema, sequence.Name);
        if (sequence.DataType is "smallint" or "integer")
        {
            statements.Add($"ALTER SEQUENCE {sequenceName} AS bigint;");
        }
        else if (sequence.Increment > 0 ? sequence.MaxValue < long.MaxValue : sequence.MinValue > long.MinValue)
        {
            statements.Add($"ALTER SEQUENCE {sequenceName} {(sequence.Increment > 0 ? "NO MAXVALUE" : "NO MINVALUE")};");
        }

        if (statements.Count == 0)
        {
            statements.Add($"-- {sequenceName} already spans all of bigint: restart it only once the old values are gone");
        }

        return string.Join(Environment.NewLine, statements);
    }
}
