namespace Cmms.Data.Bench.Benchmarks;

/// <summary>The summary of repeated measurements (milliseconds): median and 95th percentile, never a single run.</summary>
/// <param name="Median">The median.</param>
/// <param name="P95">The 95th percentile (nearest rank).</param>
/// <param name="Min">The fastest run.</param>
/// <param name="Runs">How many runs were measured (warm-up runs excluded).</param>
internal sealed record Stats(double Median, double P95, double Min, int Runs)
{
    public static Stats Of(IReadOnlyCollection<double> samples)
    {
        if (samples.Count == 0)
        {
            throw new ArgumentException("No samples to summarize.", nameof(samples));
        }

        var sorted = samples.Order().ToArray();
        var middle = sorted.Length / 2;
        var median = sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        var p95 = sorted[Math.Clamp((int)Math.Ceiling(0.95 * sorted.Length) - 1, 0, sorted.Length - 1)];
        return new Stats(median, p95, sorted[0], sorted.Length);
    }

    /// <summary>The median of plain values (ratios, speedups).</summary>
    public static double MedianOf(IEnumerable<double> values) => Of(values.ToArray()).Median;
}
