namespace Cmms.Data.IntegrationTests.Docs;

/// <summary>One cmms-db invocation shown in a Markdown document.</summary>
/// <param name="Line">The 1-based line of the document it is on.</param>
/// <param name="Text">The command as written.</param>
/// <param name="Arguments">What cmms-db receives: the words after <c>cmms-db</c> (or after <c>dotnet run --project tools/Cmms.Data.Tool --</c>).</param>
internal sealed record DocumentedCommand(int Line, string Text, IReadOnlyList<string> Arguments)
{
    private static readonly string[] DotnetRun = ["dotnet", "run", "--project", "tools/Cmms.Data.Tool", "--"];

    private static readonly HashSet<string> ShellLanguages = ["bash", "sh", "shell"];

    /// <summary>
    ///     The cmms-db invocations in <paramref name="markdown" />: on the lines of <c>bash</c>/<c>sh</c>/<c>shell</c> code
    ///     blocks, and in inline code spans of the prose. A command ends at a shell operator (<c>|</c>, <c>;</c>,
    ///     <c>&amp;&amp;</c>, a redirection) or a comment.
    /// </summary>
    public static IReadOnlyList<DocumentedCommand> In(string markdown)
    {
        var commands = new List<DocumentedCommand>();
        string? fence = null;
        var lines = markdown.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                fence = fence is null ? line.TrimStart()[3..].Trim() : null;
                continue;
            }

            var candidates = fence switch
            {
                null => InlineCode(line),
                _ when ShellLanguages.Contains(fence) => [line],
                _ => [],
            };
            foreach (var candidate in candidates)
            {
                if (ArgumentsOf(ShellWords.Split(candidate)) is { } arguments)
                {
                    commands.Add(new DocumentedCommand(i + 1, candidate.Trim(), arguments));
                }
            }
        }

        return commands;
    }

    private static IEnumerable<string> InlineCode(string line)
    {
        var parts = line.Split('`');
        for (var i = 1; i < parts.Length - 1; i += 2)
        {
            yield return parts[i];
        }
    }

    private static List<string>? ArgumentsOf(IReadOnlyList<string> words)
    {
        for (var i = 0; i < words.Count; i++)
        {
            int start;
            if (words[i] == "cmms-db" || words[i].EndsWith("/cmms-db", StringComparison.Ordinal))
            {
                start = i + 1;
            }
            else if (words.Skip(i).Take(DotnetRun.Length).SequenceEqual(DotnetRun))
            {
                start = i + DotnetRun.Length;
            }
            else
            {
                continue;
            }

            return words.Skip(start).TakeWhile(word => !IsOperator(word)).ToList();
        }

        return null;
    }

    private static bool IsOperator(string word) => word is "|" or "&" or ";" or "<" or ">";
}
