using System.Globalization;
using Cmms.Data.Conventions.Rules;

namespace Cmms.Data.Analysis.Findings;

/// <summary>The short phrases findings and reports share: index shapes, sizes, percentages, times.</summary>
internal static class FindingText
{
    private static readonly string[] Units = ["kB", "MB", "GB", "TB"];

    /// <summary>An index's shape without its name: <c>(a, b DESC) INCLUDE (c) WHERE …</c>, with the method unless btree.</summary>
    public static string Shape(IndexDefinition index)
    {
        ArgumentNullException.ThrowIfNull(index);

        var method = string.Equals(index.Method, "btree", StringComparison.OrdinalIgnoreCase) ? string.Empty : $"USING {index.Method} ";
        var include = index.IncludeColumns.Count > 0 ? $" INCLUDE ({string.Join(", ", index.IncludeColumns)})" : string.Empty;
        var where = index.Predicate is null ? string.Empty : $" WHERE {index.Predicate}";
        return $"{method}({string.Join(", ", index.KeyColumns)}){include}{where}";
    }

    /// <summary>What stands behind an index, for a sentence: "the primary key", "the unique constraint", "the index".</summary>
    public static string Role(IndexDefinition index)
    {
        ArgumentNullException.ThrowIfNull(index);

        return index.Kind switch
        {
            IndexKind.PrimaryKey => "the primary key",
            IndexKind.UniqueConstraint => "the unique constraint",
            _ => index.IsUnique ? "the unique index" : "the index",
        };
    }

    /// <summary>
    ///     A byte count, 1024-based, in one style everywhere: kB below 1 MB (<c>8 kB</c>, <c>0.5 kB</c>), then MB, GB and
    ///     TB, with at most one decimal (<c>1.5 MB</c>). Unlike <c>pg_size_pretty</c> there is no "bytes" unit, so every
    ///     size in a report compares at a glance.
    /// </summary>
    public static string Size(long bytes)
    {
        var value = bytes / 1024.0;
        var unit = 0;
        while (Math.Abs(value) >= 1024 && unit < Units.Length - 1)
        {
            value /= 1024;
            unit++;
        }

        return string.Create(CultureInfo.InvariantCulture, $"{value:0.#} {Units[unit]}");
    }

    /// <summary>A fraction as a percentage with one decimal: <c>93.1%</c>.</summary>
    public static string Percent(double fraction) => string.Create(CultureInfo.InvariantCulture, $"{fraction * 100:0.#}%");

    /// <summary>A whole number with thousands separators: <c>2,000,000,000</c>.</summary>
    public static string Count(long value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    /// <summary>A UTC time to the minute: <c>2026-11-21 07:40 UTC</c>.</summary>
    public static string Time(DateTimeOffset time) => time.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
