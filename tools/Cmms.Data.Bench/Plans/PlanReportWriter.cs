using System.Globalization;
using System.Text;
using System.Text.Json;
using Cmms.Data.CommandLine;
using Cmms.Data.Bench.CommandLine;
using Cmms.Data.Bench.Data;

namespace Cmms.Data.Bench.Plans;

/// <summary>Writes the verify-plans result: an aligned table for people, or one JSON document with <c>--json</c>.</summary>
internal static class PlanReportWriter
{
    public static string Table(IReadOnlyList<PlanCheck> checks)
    {
        string[] header = ["query", "expected index", "index used", "exec ms", "shared hit", "shared read", "rows", "verdict"];
        var rows = checks.Select(c => new[]
        {
            c.Query.Id,
            c.ExpectedIndex,
            c.Plan.Indexes.Count > 0 ? string.Join(", ", c.Plan.Indexes) : "seq scan on " + string.Join(", ", c.Plan.SequentialScans),
            c.Plan.ExecutionMs.ToString("F3", CultureInfo.InvariantCulture),
            c.Plan.SharedHit.ToString(CultureInfo.InvariantCulture),
            c.Plan.SharedRead.ToString(CultureInfo.InvariantCulture),
            c.Plan.Rows.ToString(CultureInfo.InvariantCulture),
            Verdict(c.Verdict),
        }).ToList();
        var widths = header.Select((h, i) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => r[i].Length))).ToArray();
        var numeric = new[] { false, false, false, true, true, true, true, false };
        var text = new StringBuilder();
        foreach (var row in rows.Prepend(header))
        {
            text.AppendLine(string.Join("  ", row.Select((cell, i) => numeric[i] ? cell.PadLeft(widths[i]) : cell.PadRight(widths[i]))).TrimEnd());
        }

        var failed = checks.Count(c => !c.Passed);
        text.Append(failed == 0
            ? string.Create(CultureInfo.InvariantCulture, $"All {checks.Count} catalog queries use their index.")
            : string.Create(CultureInfo.InvariantCulture, $"{failed} of {checks.Count} catalog queries do not use their index."));
        return text.ToString();
    }

    public static string Json(IReadOnlyList<PlanCheck> checks, double scale, int seed, LoadReport load) => JsonSerializer.Serialize(
        new
        {
            scale,
            seed,
            load = new { rows = load.Rows, seconds = Math.Round(load.Copy.TotalSeconds, 3), rowsPerSecond = Math.Round(load.RowsPerSecond) },
            passed = checks.All(c => c.Passed),
            queries = checks.Select(c => new
            {
                id = c.Query.Id,
                description = c.Query.Description,
                table = c.Query.Table,
                expectedIndex = c.ExpectedIndex,
                indexesUsed = c.Plan.Indexes,
                sequentialScans = c.Plan.SequentialScans,
                executionMs = c.Plan.ExecutionMs,
                sharedHit = c.Plan.SharedHit,
                sharedRead = c.Plan.SharedRead,
                rows = c.Plan.Rows,
                verdict = Verdict(c.Verdict),
                parameters = c.Parameters.Select(p => Convert.ToString(p, CultureInfo.InvariantCulture)),
            }),
        },
        CliJson.Options);

    private static string Verdict(PlanVerdict verdict) => verdict switch
    {
        PlanVerdict.UsesIndex => "ok",
        PlanVerdict.OtherIndex => "other index",
        _ => "SEQ SCAN",
    };
}
