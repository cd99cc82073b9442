namespace Cmms.Data.Analysis.Advice;

/// <summary>The result of <see cref="IndexAdvisor.AdviseAsync" />.</summary>
/// <param name="Database">The database advised on.</param>
/// <param name="Source">Where the statements came from: <c>pg_stat_statements</c> or <c>file</c>.</param>
/// <param name="Proposals">The proposed indexes, the largest workload cut first.</param>
/// <param name="Unhelped">The statements no proposal serves, with the reason.</param>
/// <param name="StatementsPlanned">How many statements were planned.</param>
/// <param name="CatalogOnlyStatements">How many of them read only system catalogs (left out of <paramref name="Unhelped" />).</param>
/// <param name="Elapsed">How long the advice took.</param>
public sealed record AdviceReport(
    string Database,
    string Source,
    IReadOnlyList<IndexProposal> Proposals,
    IReadOnlyList<UnhelpedStatement> Unhelped,
    int StatementsPlanned,
    int CatalogOnlyStatements,
    TimeSpan Elapsed)
{
    /// <summary>Whether at least one statement on a user table could be planned, so the advice (even "nothing to add") means something.</summary>
    public bool AdvisedAnything => StatementsPlanned > CatalogOnlyStatements;
}
