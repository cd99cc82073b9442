namespace Cmms.Data.Analysis.Advice;

/// <summary>What a proposed index does to one statement's plan.</summary>
/// <param name="Sql">The statement.</param>
/// <param name="Calls">How often it ran (its weight).</param>
/// <param name="CostBefore">The planner's total cost of its generic plan with the existing indexes.</param>
/// <param name="CostAfter">
///     The cost with the proposed index in place as a HypoPG hypothetical index, or <see langword="null" /> when
///     HypoPG cannot simulate the index (GIN: see <see cref="IndexProposal.IsVerified" />).
/// </param>
public sealed record StatementEffect(string Sql, long Calls, double CostBefore, double? CostAfter);
