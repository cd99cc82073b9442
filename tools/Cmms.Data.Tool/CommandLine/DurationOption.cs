using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Cmms.Data.Tool.CommandLine;

/// <summary>
///     Options whose value is a duration written the way people type it: <c>500ms</c>, <c>5s</c>, <c>2m</c>, <c>1h</c>
///     (a bare number is seconds).
/// </summary>
internal static class DurationOption
{
    private static readonly (string Suffix, double Seconds)[] Units = [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600)];

    /// <summary>An option whose help shows <paramref name="defaultValue" /> as <c>[default: hh:mm:ss]</c>.</summary>
    public static Option<TimeSpan> Create(string name, string description, TimeSpan defaultValue) => new(name)
    {
        Description = description,
        HelpName = "duration",
        DefaultValueFactory = _ => defaultValue,
        CustomParser = Parse,
    };

    /// <summary>Writes a duration in the same form the options accept (<c>250ms</c>, <c>5s</c>, <c>1.5s</c>, <c>10m</c>).</summary>
    public static string Format(TimeSpan duration) => duration switch
    {
        { TotalSeconds: < 1 } => $"{duration.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture)}ms",
        { TotalMinutes: < 1 } => $"{duration.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)}s",
        { TotalHours: < 1 } when duration.Seconds == 0 => $"{duration.TotalMinutes.ToString("0", CultureInfo.InvariantCulture)}m",
        { TotalHours: < 1 } => $"{duration.Minutes}m{duration.Seconds}s",
        _ => $"{duration.TotalHours.ToString("0.#", CultureInfo.InvariantCulture)}h",
    };

    private static TimeSpan Parse(ArgumentResult result)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value.Trim() : string.Empty;
        var (number, seconds) = Units.Where(u => text.EndsWith(u.Suffix, StringComparison.OrdinalIgnoreCase))
            .Select(u => (text[..^u.Suffix.Length], u.Seconds))
            .FirstOrDefault((text, 1));
        if (double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= 0 && double.IsFinite(value))
        {
            return TimeSpan.FromSeconds(value * seconds);
        }

        result.AddError($"'{text}' is not a duration: write it like 500ms, 5s, 2m or 1h.");
        return default;
    }
}
