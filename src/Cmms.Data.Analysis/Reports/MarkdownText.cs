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
}
