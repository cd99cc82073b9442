namespace Cmms.Data.Bench.Data;

/// <summary>
///     A small deterministic pseudo-random generator (SplitMix64). Unlike <see cref="Random" /> its sequence is fixed
///     by this code alone, so the same seed gives the same rows on every .NET version and machine.
/// </summary>
internal sealed class SeededRandom
{
    private ulong _state;

    public SeededRandom(ulong seed) => _state = seed;

    /// <summary>An independent stream for one table: the same seed and name always give the same sequence.</summary>
    public static SeededRandom For(int seed, string stream)
    {
        // FNV-1a over the stream name, mixed with the seed, so tables do not share (or shift) each other's sequence.
        var hash = 14695981039346656037UL;
        foreach (var c in stream)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return new SeededRandom(hash ^ ((ulong)(uint)seed * 0x9E3779B97F4A7C15UL));
    }

    public ulong NextUInt64()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A double in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>An integer in [0, <paramref name="count" />).</summary>
    public int Next(int count) => (int)(((NextUInt64() >> 32) * (ulong)count) >> 32);

    /// <summary>An integer in [<paramref name="min" />, <paramref name="max" />].</summary>
    public int Between(int min, int max) => min + Next(max - min + 1);

    public bool Chance(double probability) => NextDouble() < probability;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    /// <summary>
    ///     A rank in [0, <paramref name="count" />) where low ranks are far more likely (Zipf-like): rank = n·u^a. With
    ///     a = 2.5 the top 1% of ranks get about 16% of the picks and the first rank about 2.5% of them.
    /// </summary>
    public int Skewed(int count, double exponent = 2.5) => Math.Min(count - 1, (int)(count * Math.Pow(NextDouble(), exponent)));

    /// <summary>An item where earlier items are more likely (see <see cref="Skewed" />).</summary>
    public T PickSkewed<T>(IReadOnlyList<T> items, double exponent = 2.5) => items[Skewed(items.Count, exponent)];

    /// <summary>One of <paramref name="items" /> with the given relative weights.</summary>
    public T PickWeighted<T>(IReadOnlyList<(T Item, double Weight)> items)
    {
        var total = 0.0;
        foreach (var (_, weight) in items)
        {
            total += weight;
        }

        var point = NextDouble() * total;
        foreach (var (item, weight) in items)
        {
            point -= weight;
            if (point < 0)
            {
                return item;
            }
        }

        return items[^1].Item;
    }

    /// <summary>Lower-case hexadecimal text of <paramref name="length" /> digits.</summary>
    public string Hex(int length)
    {
        Span<char> text = stackalloc char[length];
        for (var i = 0; i < length; i += 16)
        {
            var value = NextUInt64();
            for (var j = i; j < Math.Min(length, i + 16); j++, value >>= 4)
            {
                text[j] = "0123456789abcdef"[(int)(value & 0xF)];
            }
        }

        return new string(text);
    }
}
