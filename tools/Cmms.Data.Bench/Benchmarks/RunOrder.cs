namespace Cmms.Data.Bench.Benchmarks;

/// <summary>The order databases are measured in on one run: rotated every run, so none is always first or always next to the same one.</summary>
internal static class RunOrder
{
    public static IEnumerable<T> Rotate<T>(IReadOnlyList<T> items, int run)
    {
        var start = ((run % items.Count) + items.Count) % items.Count;
        for (var i = 0; i < items.Count; i++)
        {
            yield return items[(start + i) % items.Count];
        }
    }
}
