using Cmms.Data.Conventions;

namespace Cmms.Data.Tool.Migrations;

/// <summary>
///     The <c>indexes</c> object of <c>migrate --json</c> and <c>status --json</c>: an <see cref="IndexSummary" /> and,
///     with <c>--pruned</c>, the indexes the conventions pruned (<see langword="null" /> without it).
/// </summary>
internal sealed record IndexSummaryJson(
    int Tables,
    int MaterializedViews,
    int Total,
    IReadOnlyDictionary<string, int> ByMethod,
    int Unique,
    int Partial,
    int Covering,
    IReadOnlyList<string> Invalid,
    IReadOnlyList<PrunedIndex>? Pruned)
{
    public static IndexSummaryJson From(IndexSummary summary, IReadOnlyList<PrunedIndex>? pruned)
        => new(summary.Tables, summary.MaterializedViews, summary.Total, summary.ByMethod, summary.Unique, summary.Partial, summary.Covering, summary.Invalid, pruned);
}
