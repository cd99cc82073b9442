using System.Text;

namespace Cmms.Data.Tool.Lint;

/// <summary>Makes text from migrations and scripts safe to print: control characters (escape sequences, newlines) become <c>?</c>.</summary>
internal static class TerminalText
{
    public static string Safe(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(char.IsControl(c) ? '?' : c);
        }

        return builder.ToString();
    }
}
