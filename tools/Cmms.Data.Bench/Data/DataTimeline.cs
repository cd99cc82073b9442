namespace Cmms.Data.Bench.Data;

/// <summary>
///     The two years the generated data spans. Fixed dates (not the clock) keep the data deterministic; queries
///     that need "now" take <see cref="Now" /> as a parameter.
/// </summary>
internal static class DataTimeline
{
    public static readonly DateTime Start = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>The end of the data and the "now" of every query about the present.</summary>
    public static readonly DateTime Now = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public static readonly DateOnly Today = DateOnly.FromDateTime(Now);

    public static readonly TimeSpan Span = Now - Start;

    /// <summary>The moment a fraction (0..1) of the way through the two years.</summary>
    public static DateTime At(double fraction) => Truncate(Start.AddTicks((long)(Span.Ticks * Math.Clamp(fraction, 0, 1))));

    /// <summary>
    ///     The time of the <paramref name="index" />-th of <paramref name="count" /> events of a growing service: event
    ///     density rises linearly with time, as the number of users does, and times never decrease with the index.
    /// </summary>
    public static DateTime Growing(long index, long count) => At(Math.Sqrt((index + 0.5) / count));

    /// <summary>A time uniformly between <paramref name="from" /> and <see cref="Now" />.</summary>
    public static DateTime Between(SeededRandom random, DateTime from, DateTime? until = null)
    {
        var end = until ?? Now;
        return from >= end ? from : Truncate(from.AddTicks((long)((end - from).Ticks * random.NextDouble())));
    }

    /// <summary>Never later than <see cref="Now" />.</summary>
    public static DateTime Cap(DateTime time) => time > Now ? Now : time;

    // PostgreSQL keeps microseconds; truncating here makes the values in memory equal to the stored ones.
    private static DateTime Truncate(DateTime time) => new(time.Ticks - (time.Ticks % 10), DateTimeKind.Utc);
}
