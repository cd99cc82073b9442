namespace Cmms.Data.Conventions.Migrations.Engine;

/// <summary>How the sessions that blocked a migration statement are named in messages.</summary>
internal static class BlockingSessions
{
    private const int Shown = 3;

    /// <summary><c>a lock held by pid 4242 (application 'psql', idle in transaction, transaction open 3m12s)</c>.</summary>
    public static string Describe(IReadOnlyList<SessionInfo> blockers)
        => blockers.Count == 0
            ? "a lock another session holds (it was released before it could be named)"
            : $"a lock held by {string.Join(", ", blockers.Take(Shown))}{(blockers.Count > Shown ? $" and {blockers.Count - Shown} more" : string.Empty)}";
}
