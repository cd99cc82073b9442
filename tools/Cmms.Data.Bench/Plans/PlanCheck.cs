using Cmms.Data.Bench.Catalog;

namespace Cmms.Data.Bench.Plans;

/// <summary>The verdict on one catalog query's plan.</summary>
internal enum PlanVerdict
{
    /// <summary>The plan reads the expected index.</summary>
    UsesIndex,

    /// <summary>The plan reads other indexes, not the expected one.</summary>
    OtherIndex,

    /// <summary>The plan scans the table the index should serve sequentially.</summary>
    SequentialScan,
}

/// <summary>One catalog query's plan against the index expected to serve it.</summary>
/// <param name="Query">The catalog query.</param>
/// <param name="ExpectedIndex">The index after pruning (the catalog's name, or its survivor).</param>
/// <param name="Parameters">The parameter values the plan was made for.</param>
/// <param name="Plan">What the plan did.</param>
internal sealed record PlanCheck(CatalogQuery Query, string ExpectedIndex, IReadOnlyList<object> Parameters, PlanSummary Plan)
{
    public PlanVerdict Verdict => Plan.Indexes.Contains(ExpectedIndex)
        ? PlanVerdict.UsesIndex
        : Plan.SequentialScans.Contains(Query.Table) ? PlanVerdict.SequentialScan : PlanVerdict.OtherIndex;

    public bool Passed => Verdict == PlanVerdict.UsesIndex;
}
