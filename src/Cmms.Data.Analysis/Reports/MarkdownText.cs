using System.Text;
using Cmms.Data.Analysis.Sql;

namespace Cmms.Data.Analysis.Reports;

/// <summary>
///     Database-derived text in a markdown table cell or heading, for analyze's and advise's reports alike: unprintable
///     characters escaped (<see cref="UnprintableText" />) and markdown punctuation backslash-escaped, so a name can
///     neither end its row nor become a link or markup (https://github.github.com/gfm/#backslash-escapes).
/// </summary>
internal static class MarkdownText
{
    // The characters that start markup, links, HTML or a table cell boundary.
    private const string Punctuation = "\\`*_[]<>|~#!&";

    public static string Cell(string text)
    {
        var escaped = new StringBuilder();
        foreach (var c in UnprintableText.Escape(text))
        {
            escaped.Append(Punctuation.Contains(c, StringComparison.Ordinal) ? "\\" : string.Empty).Append(c);
        }

        return escaped.ToString();
    }

    /// <summary>
    ///     The longest run of backticks in <paramref name="text" />: a code span or fence around it takes one more
    ///     (https://spec.commonmark.org/0.31.2/#code-spans, #fenced-code-blocks).
    /// </summary>
    public static int LongestBacktickRun(string text)
    {
        int longest = 0, run = 0;
        foreach (var c in text)
        {
            run = c == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        return longest;
    }

    /// <summary>
    ///     A database-derived name in a markdown table cell: in a code span, where only the table's pipe needs escaping; a
    ///     name that holds a backtick or an unprintable character as <see cref="Cell" /> text instead, as a code span can
    ///     show neither.
    /// </summary>
    public static string Name(string name)
        => name.Contains('`', StringComparison.Ordinal) || UnprintableText.Contains(name)
            ? Cell(name)
            : $"`{name.Replace("|", "\\|", StringComparison.Ordinal)}`";
}
