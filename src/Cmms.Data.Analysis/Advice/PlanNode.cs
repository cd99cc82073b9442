using System.Text.Json;

namespace Cmms.Data.Analysis.Advice;

/// <summary>
///     One node of an <c>EXPLAIN (VERBOSE, FORMAT JSON)</c> plan, with what candidate derivation reads of it
///     (field names: https://www.postgresql.org/docs/15/using-explain.html).
/// </summary>
internal sealed record PlanNode
{
    public required string NodeType { get; init; }

    public string? Schema { get; init; }

    public string? Relation { get; init; }

    public string? Alias { get; init; }

    public string? IndexName { get; init; }

    /// <summary>The conditions this node applies to its own rows: Index Cond, Recheck Cond, Filter.</summary>
    public IReadOnlyList<string> Conditions { get; init; } = [];

    /// <summary>The conditions joining its inputs: Hash Cond, Merge Cond, Join Filter.</summary>
    public IReadOnlyList<string> JoinConditions { get; init; } = [];

    public IReadOnlyList<string> SortKeys { get; init; } = [];

    /// <summary>
    ///     What the node returns (VERBOSE <c>Output</c>): for a scan, the columns and expressions its table must supply;
    ///     <see langword="null" /> when the plan does not say.
    /// </summary>
    public IReadOnlyList<string>? Output { get; init; }

    public double TotalCost { get; init; }

    public IReadOnlyList<PlanNode> Children { get; init; } = [];

    /// <summary>This node and every node below it, depth first.</summary>
    public IEnumerable<PlanNode> Descendants()
    {
        yield return this;
        foreach (var node in Children.SelectMany(c => c.Descendants()))
        {
            yield return node;
        }
    }

    /// <summary>Parses the JSON of one <c>EXPLAIN (FORMAT JSON)</c> result.</summary>
    public static PlanNode Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return Read(document.RootElement[0].GetProperty("Plan"));
    }

    private static PlanNode Read(JsonElement node) => new()
    {
        NodeType = node.GetProperty("Node Type").GetString() ?? string.Empty,
        Schema = Text(node, "Schema"),
        Relation = Text(node, "Relation Name"),
        Alias = Text(node, "Alias"),
        IndexName = Text(node, "Index Name"),
        // Index conditions first: columns an existing index already leads with stay first, so a proposal can replace it.
        Conditions = Texts(node, "Index Cond", "Recheck Cond", "Filter"),
        JoinConditions = Texts(node, "Hash Cond", "Merge Cond", "Join Filter"),
        SortKeys = Strings(node, "Sort Key"),
        Output = node.TryGetProperty(nameof(Output), out _) ? Strings(node, nameof(Output)) : null,
        TotalCost = node.TryGetProperty("Total Cost", out var cost) ? cost.GetDouble() : 0,
        Children = node.TryGetProperty("Plans", out var children) ? children.EnumerateArray().Select(Read).ToList() : [],
    };

    private static string? Text(JsonElement node, string name) => node.TryGetProperty(name, out var value) ? value.GetString() : null;

    private static List<string> Strings(JsonElement node, string name)
        => node.TryGetProperty(name, out var values) ? values.EnumerateArray().Select(v => v.GetString() ?? string.Empty).ToList() : [];

    private static List<string> Texts(JsonElement node, params string[] names)
        => names.Select(n => Text(node, n)).OfType<string>().ToList();
}
