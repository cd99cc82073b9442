using System.Text;
using Cmms.Data.LocalPostgres;

namespace Cmms.Data.IntegrationTests.Infrastructure;

/// <summary>Makes unique, readable PostgreSQL database names for tests.</summary>
public static class DatabaseNames
{
    /// <summary>PostgreSQL truncates identifiers longer than this many bytes (NAMEDATALEN - 1).</summary>
    public const int MaxLength = 63;

    private const int SuffixLength = PostgresDatabases.RandomSuffixLength;

    /// <summary>
    /// A name like <c>order_query_tests_3f9a01bc</c>: <paramref name="hint"/> in lower-case snake case
    /// (ASCII letters, digits and underscores only), cut so the whole name fits in 63 bytes, then an
    /// underscore and 8 random hex digits.
    /// </summary>
    public static string Create(string hint)
    {
        ArgumentNullException.ThrowIfNull(hint);
        var stem = ToSnakeCase(hint);
        if (stem.Length == 0 || !char.IsAsciiLetterLower(stem[0]))
        {
            stem = "t_" + stem;
        }

        stem = stem[..Math.Min(stem.Length, MaxLength - SuffixLength - 1)].TrimEnd('_');
        return stem + "_" + PostgresDatabases.RandomSuffix();
    }

    /// <summary>The name hint for a test class: its name without a generic arity (<c>Foo`1</c> becomes <c>Foo</c>).</summary>
    public static string HintFor(Type testClass)
    {
        ArgumentNullException.ThrowIfNull(testClass);
        var name = testClass.Name;
        var tick = name.IndexOf('`', StringComparison.Ordinal);
        return tick < 0 ? name : name[..tick];
    }

    private static string ToSnakeCase(string text)
    {
        var result = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsAsciiLetterUpper(c))
            {
                var previous = i > 0 ? text[i - 1] : '_';
                if (char.IsAsciiLetterLower(previous) || char.IsAsciiDigit(previous))
                {
                    result.Append('_');
                }

                result.Append(char.ToLowerInvariant(c));
            }
            else if (char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c))
            {
                result.Append(c);
            }
            else if (result.Length > 0 && result[^1] != '_')
            {
                result.Append('_');
            }
        }

        return result.ToString().Trim('_');
    }
}
