using System.Text;

namespace Cmms.Data.IntegrationTests.Docs;

/// <summary>
///     Splits one line of a documented shell command into words as bash would for a simple command: single and double
///     quotes group (and are removed), a backslash escapes the next character, <c>#</c> at the start of a word begins a
///     comment, and the control operators <c>| &amp; ; &lt; &gt;</c> outside quotes end the word and come out as
///     words of their own. Variables are left as written (<c>$CMMS_DB_CONNECTION</c>): the documents show them, not
///     their values.
/// </summary>
internal static class ShellWords
{
    private const string Operators = "|&;<>";

    public static IReadOnlyList<string> Split(string line)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (char.IsWhiteSpace(c))
            {
                EndWord();
            }
            else if (c == '#' && !inWord)
            {
                break;
            }
            else if (Operators.Contains(c, StringComparison.Ordinal))
            {
                EndWord();
                words.Add(c.ToString());
            }
            else if (c is '\'' or '"')
            {
                var end = line.IndexOf(c, i + 1);
                if (end < 0)
                {
                    throw new FormatException($"Unterminated {c} quote in: {line}");
                }

                word.Append(line, i + 1, end - i - 1);
                inWord = true;
                i = end;
            }
            else if (c == '\\' && i + 1 < line.Length)
            {
                word.Append(line[++i]);
                inWord = true;
            }
            else
            {
                word.Append(c);
                inWord = true;
            }
        }

        EndWord();
        return words;

        void EndWord()
        {
            if (inWord)
            {
                words.Add(word.ToString());
                word.Clear();
                inWord = false;
            }
        }
    }
}
