namespace Cmms.Data.Bench.Benchmarks;

/// <summary>Numbers the writers' statements, shared by all sessions and all runs on one database, so no value repeats.</summary>
/// <param name="start">The first number; above what any other measurement on the database used.</param>
internal sealed class WriteSequence(int start)
{
    private int _next = start;

    public int Next() => Interlocked.Increment(ref _next);
}
