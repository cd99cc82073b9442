using System.Text;

namespace Cmms.Data.Analysis.Findings;

/// <summary>
///     Findings a team accepted, left out of the report: one per line, <c>kind table [index]</c>
///     (<c>unused_index public.orders ix_orders_note</c>); <c>*</c> as the index matches any; a name with spaces or
///     quotes is written in double quotes with quotes doubled (<c>fk_without_index public."Order Lines" *</c>); empty
///     lines and lines starting with <c>#</c> are ignored.
/// </summary>
public sealed class FindingBaseline
{
    private readonly List<(FindingKind Kind, string Table, string? Index)> _entries;

    private FindingBaseline(List<(FindingKind Kind, string Table, string? Index)> entries) => _entries = entries;

    /// <summary>The number of accepted findings the baseline lists.</summary>
    public int Count => _entries.Count;

    /// <summary>Reads a baseline.</summary>
    /// <param name="text">The baseline file's text.</param>
    /// <returns>The baseline.</returns>
    /// <exception cref="AnalysisException">A line is not <c>kind table [index]</c> or names an unknown kind.</exception>
    public static FindingBaseline Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);

        var kinds = Enum.GetValues<FindingKind>().ToDictionary(k => k.Name(), StringComparer.Ordinal);
        var entries = new List<(FindingKind, string, string?)>();
        var lines = text.Split('\n');
        for (var number = 1; number <= lines.Length; number++)
        {
            var line = lines[number - 1].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var tokens = Tokens(line, number);
            if (tokens.Count is < 2 or > 3 || !kinds.TryGetValue(tokens[0], out var kind))
            {
                throw new AnalysisException(
                    $"Baseline line {number} is not 'kind table [index]' with a kind of analyze (such as unused_index): fix or remove it.");
            }

            entries.Add((kind, tokens[1], tokens.Count == 3 && tokens[2] != "*" ? tokens[2] : null));
        }

        return new FindingBaseline(entries);
    }

    /// <summary>Whether the baseline accepts <paramref name="finding" />.</summary>
    /// <param name="finding">A finding.</param>
    /// <returns>Whether it is listed.</returns>
    public bool Accepts(Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);

        return _entries.Any(e => e.Kind == finding.Kind
            && string.Equals(e.Table, finding.Table, StringComparison.Ordinal)
            && (e.Index is null || string.Equals(e.Index, finding.Index, StringComparison.Ordinal)));
    }

    // Whitespace-separated tokens; a double-quoted part keeps its spaces, with "" for a quote.
    private static List<string> Tokens(string line, int number)
    {
        var tokens = new List<string>();
        var token = new StringBuilder();
        var quoted = false;
        var started = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    token.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    token.Append(c);
                }
            }
            else if (char.IsWhiteSpace(c))
            {
                if (started)
                {
                    tokens.Add(token.ToString());
                    token.Clear();
                    started = false;
                }
            }
            else
            {
                started = true;
                if (c == '"')
                {
                    quoted = true;
                }
                else
                {
                    token.Append(c);
                }
            }
        }

        if (quoted)
        {
            throw new AnalysisException($"Baseline line {number} has an unclosed double quote: close it.");
        }

        if (started)
        {
            tokens.Add(token.ToString());
        }

        return tokens;
    }
}
