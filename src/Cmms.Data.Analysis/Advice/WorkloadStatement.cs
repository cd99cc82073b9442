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

    /// <summary>Whether the statement starts with the keyword of a write or utility command (not advised; never planned).</summary>
    public bool IsCommand => SqlScript.FirstWord(Sql) is "insert" or "update" or "delete" or "merge" or "copy" or "create" or "alter" or "drop"
        or "truncate" or "grant" or "revoke" or "vacuum" or "analyze" or "cluster" or "reindex" or "refresh" or "set" or "reset" or "show"
        or "begin" or "start" or "commit" or "rollback" or "savepoint" or "release" or "lock" or "prepare" or "execute" or "deallocate"
        or "explain" or "do" or "call" or "listen" or "notify" or "discard" or "comment" or "security" or "checkpoint" or "load" or "import";
}
