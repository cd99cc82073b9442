using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Cmms.Data.CommandLine;

/// <summary>
///     Options whose value is a number, checked while the command line is parsed: a value that is not a number, not
///     whole where a whole number is needed, or outside the range is a usage error (one line, exit code 2) before any
///     database is touched.
/// </summary>
/// <remarks>
///     A <c>CustomParser</c> rather than a validator: System.CommandLine runs validators even when the conversion
///     failed, and reading the value there throws.
/// </remarks>
internal static class NumberOption
{
    /// <summary>A whole-number option between <paramref name="minimum" /> and <paramref name="maximum" />.</summary>
    public static Option<int> Integer(string name, string description, int defaultValue, int minimum, int maximum, string helpName = "count") => new(name)
    {
        Description = string.Create(CultureInfo.InvariantCulture, $"{description} Default: {defaultValue}."),
        HelpName = helpName,
        DefaultValueFactory = _ => defaultValue,
        CustomParser = result => ParseInteger(result, name, minimum, maximum),
    };

    /// <summary>A decimal-number option greater than <paramref name="exclusiveMinimum" /> and at most <paramref name="maximum" />.</summary>
    public static Option<double> Decimal(string name, string description, double defaultValue, double exclusiveMinimum, double maximum, string helpName)
        => Decimal(name, description, defaultValue, new DecimalRange(exclusiveMinimum, MinimumIncluded: false, maximum), helpName);

    /// <summary>A decimal-number option from <paramref name="minimum" /> to <paramref name="maximum" />, both included.</summary>
    public static Option<double> DecimalFrom(string name, string description, double defaultValue, double minimum, double maximum, string helpName)
        => Decimal(name, description, defaultValue, new DecimalRange(minimum, MinimumIncluded: true, maximum), helpName);

    private static Option<double> Decimal(string name, string description, double defaultValue, DecimalRange range, string helpName) => new(name)
    {
        Description = string.Create(CultureInfo.InvariantCulture, $"{description} Default: {defaultValue}."),
        HelpName = helpName,
        DefaultValueFactory = _ => defaultValue,
        CustomParser = result => ParseDecimal(result, name, range),
    };

    private static int ParseInteger(ArgumentResult result, string name, int minimum, int maximum)
    {
        var text = SingleToken(result);
        var range = string.Create(CultureInfo.InvariantCulture, $"{minimum} to {maximum}");
        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            result.AddError(IsDigits(text)
                ? $"{name} must be a whole number from {range}; '{text}' is out of range."
                : $"{name} must be a whole number from {range}, not '{text}'.");
            return default;
        }

        if (value < minimum || value > maximum)
        {
            result.AddError($"{name} must be a whole number from {range}; '{text}' is out of range.");
            return default;
        }

        return (int)value;
    }

    private static double ParseDecimal(ArgumentResult result, string name, DecimalRange bounds)
    {
        var text = SingleToken(result);
        var range = bounds.MinimumIncluded
            ? string.Create(CultureInfo.InvariantCulture, $"from {bounds.Minimum} to {bounds.Maximum}")
            : string.Create(CultureInfo.InvariantCulture, $"greater than {bounds.Minimum} and at most {bounds.Maximum}");
        if (!double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            result.AddError($"{name} must be a number {range}, not '{text}'.");
            return default;
        }

        var aboveMinimum = bounds.MinimumIncluded ? value >= bounds.Minimum : value > bounds.Minimum;
        if (!(aboveMinimum && value <= bounds.Maximum))
        {
            result.AddError($"{name} must be a number {range}; '{text}' is out of range.");
            return default;
        }

        return value;
    }

    private readonly record struct DecimalRange(double Minimum, bool MinimumIncluded, double Maximum);

    private static string SingleToken(ArgumentResult result) => result.Tokens.Count == 1 ? result.Tokens[0].Value.Trim() : string.Empty;

    private static bool IsDigits(string text)
        => text.TrimStart('-', '+') is { Length: > 0 } digits && digits.All(char.IsAsciiDigit);
}
