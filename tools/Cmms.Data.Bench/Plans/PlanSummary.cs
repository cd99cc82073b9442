using System.Text.Json;

namespace Cmms.Data.Bench.Plans;

/// <summary>
///     What an <c>EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON)</c> plan says: the indexes it reads (Index Scan, Index Only
///     Scan, Bitmap Index Scan), the relations it scans sequentially, its execution time and shared buffers.
/// </summary>
/// <param name="Indexes">Index names the plan uses, in plan order, without duplicates.</param>
/// <param name="SequentialScans">Relations read by a Seq Scan.</param>
/// <param name="ExecutionMs">The server's execution time in milliseconds.</param>
/// <param name="SharedHit">Shared buffers found in the buffer cache (whole plan).</param>
/// <param name="SharedRead">Shared buffers read from the operating system (whole plan).</param>
/// <param name="Rows">Rows the query returned.</param>
internal sealed record PlanSummary(
    IReadOnlyList<string> Indexes,
    IReadOnlyList<string> SequentialScans,
    double ExecutionMs,
    long SharedHit,
    long SharedRead,
    long Rows)
{
    private static readonly HashSet<string> IndexNodes = new(StringComparer.Ordinal) { "Index Scan", "Index Only Scan", "Bitmap Index Scan" };

    public static PlanSummary Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement[0];
        var plan = root.GetProperty("Plan");
        List<string> indexes = [], sequential = [];
        Walk(plan, indexes, sequential);
        return new PlanSummary(
            indexes.Distinct(StringComparer.Ordinal).ToArray(),
            sequential.Distinct(StringComparer.Ordinal).ToArray(),
            root.TryGetProperty("Execution Time", out var time) ? time.GetDouble() : double.NaN,
            Number(plan, "Shared Hit Blocks"),
            Number(plan, "Shared Read Blocks"),
            Number(plan, "Actual Rows"));
    }

    private static void Walk(JsonElement node, List<string> indexes, List<string> sequential)
    {
        var type = node.GetProperty("Node Type").GetString();
        if (type is not null && IndexNodes.Contains(type) && node.TryGetProperty("Index Name", out var index))
        {
            indexes.Add(index.GetString()!);
        }
        else if (type == "Seq Scan" && node.TryGetProperty("Relation Name", out var relation))
        {
            sequential.Add(relation.GetString()!);
        }

        if (node.TryGetProperty("Plans", out var children))
        {
            foreach (var child in children.EnumerateArray())
            {
                Walk(child, indexes, sequential);
            }
        }
    }

    private static long Number(JsonElement node, string name) => node.TryGetProperty(name, out var value) ? (long)value.GetDouble() : 0;
}
