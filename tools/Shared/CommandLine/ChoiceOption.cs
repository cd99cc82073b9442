using System.CommandLine;

namespace Cmms.Data.CommandLine;

/// <summary>
///     An option that takes one of a fixed set of words (<c>--format text|json|markdown</c>): any other value is a usage
///     error at parse time, and help shows the words.
/// </summary>
internal static class ChoiceOption
{
    /// <summary>An option named <paramref name="name" /> accepting only <paramref name="values" />; unset it is <see langword="null" />.</summary>
    public static Option<string?> Create(string name, string description, params string[] values)
    {
        var option = new Option<string?>(name) { Description = description, HelpName = string.Join("|", values) };
        option.AcceptOnlyFromAmong(values);
        return option;
    }
}
