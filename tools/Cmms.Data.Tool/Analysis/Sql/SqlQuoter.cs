using System.Text;

namespace Cmms.Data.Tool.Analysis.Sql;

/// <summary>
///     Quotes identifiers for the SQL of fixes exactly as the server's own <c>quote_ident()</c> does: a name stays bare
///     only when it is lower-case ASCII letters, digits and underscores, starts with a letter or underscore, and is not
///     a keyword the server reserves in any way; otherwise it is double-quoted with embedded quotes doubled.
/// </summary>
/// <remarks>
///     The keywords come from the analyzed server (<c>pg_get_keywords()</c>, every category but unreserved), so the
///     rule follows that server's grammar: https://www.postgresql.org/docs/current/sql-keywords-appendix.html
/// </remarks>
internal sealed class SqlQuoter(IEnumerable<string> reservedKeywords)
{
    private readonly HashSet<string> _keywords = new(reservedKeywords, StringComparer.Ordinal);

    /// <summary>One identifier, quoted where needed.</summary>
    public string Quote(string identifier)
    {
        ArgumentNullException.ThrowIfNull(identifier);

        return IsSafe(identifier) ? identifier : "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>A schema-qualified name, each part quoted where needed.</summary>
    public string Quote(string schema, string name) => Quote(schema) + "." + Quote(name);

    /// <summary>A comma-separated list of identifiers, each quoted where needed.</summary>
    public string QuoteList(IEnumerable<string> identifiers)
    {
        var builder = new StringBuilder();
        foreach (var identifier in identifiers)
        {
            builder.Append(builder.Length == 0 ? string.Empty : ", ").Append(Quote(identifier));
        }

        return builder.ToString();
    }

    private bool IsSafe(string identifier)
        => identifier.Length > 0
            && (char.IsAsciiLetterLower(identifier[0]) || identifier[0] == '_')
            && identifier.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_')
            && !_keywords.Contains(identifier);
}
