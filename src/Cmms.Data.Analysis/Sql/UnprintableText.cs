using System.Globalization;
using System.Text;

namespace Cmms.Data.Analysis.Sql;

/// <summary>
///     The characters a database-derived name may hold that must never reach a terminal, a comment or a report as they
///     are: control characters (newline, carriage return, escape, which starts ANSI sequences, …), invisible format
///     characters (bidirectional overrides that reorder what is shown) and the Unicode line and paragraph separators.
/// </summary>
/// <remarks>
///     The findings of an <see cref="Reports.AnalysisReport" /> hold names as the database has them; the report writers
///     escape them. Anything else that shows database-derived text (a log line, a health check's description, a server
///     message quoting a name) escapes it with <see cref="Escape" />.
/// </remarks>
public static class UnprintableText
{
    /// <summary>Whether <paramref name="rune" /> must be escaped before it is shown or printed into SQL.</summary>
    internal static bool IsUnprintable(Rune rune)
        => Rune.IsControl(rune)
            || Rune.GetUnicodeCategory(rune) is UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;

    /// <summary>
    ///     Whether <paramref name="text" /> holds a control character, an invisible format character or a Unicode line or
    ///     paragraph separator.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <returns><see langword="true" /> when <see cref="Escape" /> would change it.</returns>
    public static bool Contains(string text)
    {
        ArgumentNullException.ThrowIfNull(text);

        foreach (var rune in text.EnumerateRunes())
        {
            if (IsUnprintable(rune))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    ///     Each unprintable character of <paramref name="text" /> as <c>\uXXXX</c> (<c>\UXXXXXXXX</c> beyond the basic
    ///     plane), everything else as it is: one line, inert in a terminal, a SQL line comment or a markdown cell.
    /// </summary>
    /// <param name="text">The text, such as a name read from the database.</param>
    /// <returns>The text escaped; <paramref name="text" /> itself when it holds nothing to escape.</returns>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);

        return Contains(text) ? Replace(text, rune => rune.Value <= 0xFFFF
            ? "\\u" + rune.Value.ToString("X4", CultureInfo.InvariantCulture)
            : "\\U" + rune.Value.ToString("X8", CultureInfo.InvariantCulture)) : text;
    }

    /// <summary>Rewrites each unprintable character of <paramref name="text" /> with <paramref name="escape" />.</summary>
    internal static string Replace(string text, Func<Rune, string> escape)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(escape);

        var result = new StringBuilder(text.Length + 16);
        foreach (var rune in text.EnumerateRunes())
        {
            if (IsUnprintable(rune))
            {
                result.Append(escape(rune));
            }
            else
            {
                result.Append(rune.ToString());
            }
        }

        return result.ToString();
    }
}
