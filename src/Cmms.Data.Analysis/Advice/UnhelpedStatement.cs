namespace Cmms.Data.Analysis.Advice;

/// <summary>A statement no proposal serves, and why.</summary>
/// <param name="Sql">The statement.</param>
/// <param name="Calls">How often it ran.</param>
/// <param name="Reason">Why no index is proposed for it.</param>
/// <param name="Detail">One line of detail (the server's message, the best candidate's cut).</param>
public sealed record UnhelpedStatement(string Sql, long Calls, UnhelpedReason Reason, string Detail);

/// <summary>Why no index is proposed for a statement.</summary>
public enum UnhelpedReason
{
    /// <summary>Its plan reads no table sequentially that an index could narrow: it already uses indexes, or reads everything.</summary>
    AlreadyOptimal,

    /// <summary>Every index derived from it was measured, and none cut its cost enough: scanning is cheaper.</summary>
    SequentialScanCheaper,

    /// <summary>An existing index or key already serves what an index for it would; the planner prefers the plan it has.</summary>
    ServedByExistingIndex,

    /// <summary>The server rejected it as SQL.</summary>
    NotParseable,

    /// <summary>It parses, but could not be planned (an unknown table, a parameter type the server cannot infer).</summary>
    FailedToPlan,

    /// <summary>It is not a query; writes and utility statements are not advised.</summary>
    NotAQuery,

    /// <summary><c>pg_stat_statements</c> hides its text from this role (it lacks <c>pg_read_all_stats</c>).</summary>
    NotVisible,
}
