namespace Cmms.Data.Analysis.Advice;

/// <summary>A statement the server prepared and planned, with what replanning it needs.</summary>
/// <param name="Statement">The statement.</param>
/// <param name="Arguments">The EXECUTE argument list: one typed NULL per parameter (<c>(NULL::bigint, NULL::text)</c>), or empty.</param>
/// <param name="Plan">Its generic plan with the existing indexes.</param>
internal sealed record PlannedStatement(WorkloadStatement Statement, string Arguments, PlanNode Plan)
{
    public double Cost => Plan.TotalCost;

    public IReadOnlySet<TableName> Tables { get; } = CandidateDeriver.ScannedTables(Plan).ToHashSet();
}
