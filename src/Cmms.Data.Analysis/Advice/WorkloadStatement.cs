namespace Cmms.Data.Analysis.Advice;

/// <summary>
///     One statement of the workload to advise on: its text, with positional parameters (<c>$1</c> …) or literals, and
///     how often and how long it ran.
/// </summary>
/// <param name="Sql">The statement text.</param>
/// <param name="Calls">How many times it ran (its weight in the workload; 1 for a statement from a file).</param>
/// <param name="MeanMs">Its mean execution time in milliseconds, or <see langword="null" /> when unknown.</param>
public sealed record WorkloadStatement(string Sql, long Calls = 1, double? MeanMs = null)
{
    /// <summary>Whether the statement is a query (<c>SELECT</c>, <c>WITH</c> … <c>SELECT</c>, <c>TABLE</c>, <c>VALUES</c>): the only kind advised.</summary>
    public bool IsQuery => SqlScript.FirstWord(Sql) is "select" or "with" or "table" or "values";
}
