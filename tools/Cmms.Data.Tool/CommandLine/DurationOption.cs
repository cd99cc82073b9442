using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Cmms.Data.Tool.CommandLine;

/// <summary>
///     Options whose value is a duration written the way people type it: <c>500ms</c>, <c>5s</c>, <c>2m</c>, <c>1h</c>
///     (a bare number is seconds), or the <c>hh:mm:ss</c> form help shows defaults in (<c>00:00:05</c>).
/// </summary>
internal static class DurationOption
{
    /// <summary>
    ///     The longest duration any option takes: PostgreSQL's time settings such as <c>lock_timeout</c> are an
    ///     <c>int</c> of milliseconds (https://www.postgresql.org/docs/current/runtime-config-client.html), and .NET
    ///     timers take the same range.
    /// </summary>
    public static readonly TimeSpan Maximum = TimeSpan.FromMilliseconds(int.MaxValue);

    private static readonly (string Suffix, double Milliseconds)[] Units = [("ms", 1), ("s", 1000), ("m", 60_000), ("h", 3_600_000)];

    /// <summary>An option whose help shows <paramref name="defaultValue" /> as <c>[default: hh:mm:ss]</c>, a form it also accepts.</summary>
    public static Option<TimeSpan> Create(string name, string description, TimeSpan defaultValue) => new(name)
    {
        Description = description,
        HelpName = "duration",
        DefaultValueFactory = _ => defaultValue,
        CustomParser = result => Parse(result, name),
    };

    private static TimeSpan Parse(ArgumentResult result, string name)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value.Trim() : string.Empty;
        if (ToMilliseconds(text) is not { } milliseconds)
        {
            result.AddError($"{name} takes a duration like 500ms, 5s, 2m, 1h or 00:00:05, not '{text}'.");
            return default;
        }

        // Whole milliseconds: the server would round 0.4ms to 0, which means "wait forever" for lock_timeout.
        if (milliseconds > Maximum.TotalMilliseconds || milliseconds != Math.Floor(milliseconds))
        {
            result.AddError($"{name} must be whole milliseconds from 0 to {Maximum.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture)}ms (about 24.8 days); '{text}' is out of range.");
            return default;
        }

        return TimeSpan.FromMilliseconds(milliseconds);
    }

    private static double? ToMilliseconds(string text)
    {
        if (text.Contains(':', StringComparison.Ordinal))
        {
            return TimeSpan.TryParseExact(text, "c", CultureInfo.InvariantCulture, out var span) && span >= TimeSpan.Zero ? span.TotalMilliseconds : null;
        }

        var (number, unit) = Units.Where(u => text.EndsWith(u.Suffix, StringComparison.OrdinalIgnoreCase))
            .Select(u => (text[..^u.Suffix.Length], u.Milliseconds))
            .FirstOrDefault((text, 1000));
        return double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value * unit)
            ? value * unit
            : null;
    }
}
