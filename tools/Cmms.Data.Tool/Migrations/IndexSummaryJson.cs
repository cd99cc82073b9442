using System.Text.Json.Serialization;
using Cmms.Data.Conventions;

namespace Cmms.Data.Tool.Migrations;

/// <summary>
///     The <c>indexes</c> object of <c>migrate --json</c> and <c>status --json</c>: the <see cref="IndexSummary" /> and,
///     with <c>--pruned</c>, the indexes the conventions pruned (<see langword="null" /> without it).
/// </summary>
internal sealed record IndexSummaryJson : IndexSummary
{
    public IndexSummaryJson(IndexSummary summary, IReadOnlyList<PrunedIndex>? pruned)
        : base(summary)
        => Pruned = pruned;

    /// <summary>The pruned indexes, or <see langword="null" /> when not asked for; last, as docs/cmms-db.md shows it.</summary>
    [JsonPropertyOrder(1)]
    public IReadOnlyList<PrunedIndex>? Pruned { get; }
}
