using System.Text;
using System.Text.RegularExpressions;
using Cmms.Data.Conventions.Rules;

namespace Cmms.Data.Analysis.Advice;

/// <summary>
///     Names a proposal as the Cmms.Data model names its indexes, <c>ix_{table}_{columns}</c>, within PostgreSQL's
///     63-byte limit (https://www.postgresql.org/docs/15/sql-syntax-lexical.html#SQL-SYNTAX-IDENTIFIERS) and unlike
///     any name already taken.
/// </summary>
internal static partial class IndexNamer
{
    private const int MaxBytes = 63;

    public static string Name(TableName table, IndexDefinition index, ISet<string> taken)
    {
        var baseName = Truncate($"ix_{table.Name}_{string.Join("_", index.KeyColumns.Select(Part))}", MaxBytes);
        var name = baseName;
        for (var n = 2; taken.Contains(name); n++)
        {
            var suffix = $"_{n}";
            name = Truncate(baseName, MaxBytes - suffix.Length) + suffix;
        }

        taken.Add(name);
        return name;
    }

    // An expression by the words in it: lower((email)::text) gives lower_email_text.
    private static string Part(IndexKeyColumn key)
        => key.IsExpression ? string.Join("_", NonWord().Split(key.Name).Where(w => w.Length > 0)) : key.Name;

    [GeneratedRegex(@"[^\p{L}\p{Nd}_]+")]
    private static partial Regex NonWord();

    // Cut at a character boundary so a multi-byte name never ends in half a character.
    private static string Truncate(string text, int maxBytes)
    {
        while (Encoding.UTF8.GetByteCount(text) > maxBytes)
        {
            text = text[..^1];
            if (text.Length > 0 && char.IsHighSurrogate(text[^1]))
            {
                text = text[..^1];
            }
        }

        return text;
    }
}
