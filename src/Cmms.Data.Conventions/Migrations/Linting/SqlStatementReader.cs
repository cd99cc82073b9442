using System.Text;
using System.Text.RegularExpressions;

namespace Cmms.Data.Conventions.Migrations.Linting;

/// <summary>
///     Splits SQL text into statements for the SQL rules: at semicolons outside quotes, dollar-quoted bodies and
///     comments; comments are dropped from the statement text but read for acknowledgements
///     (<c>-- cmms-lint: acknowledge CMMS1103 reason</c>) and for Cmms.Data's own guarded <c>DO $cmms$</c> blocks; explicit
///     <c>BEGIN</c>/<c>START TRANSACTION</c> … <c>COMMIT</c>/<c>ROLLBACK</c> blocks are followed.
/// </summary>
/// <remarks>Hand-written because no parser of PostgreSQL's grammar restores here; it only needs statement boundaries.</remarks>
internal static partial class SqlStatementReader
{
    public const string AcknowledgePrefix = "cmms-lint: acknowledge ";

    public static IReadOnlyList<SqlStatement> Read(string sql, bool inTransaction, IReadOnlyDictionary<string, string>? acknowledged = null)
    {
        var statements = new List<SqlStatement>();
        var text = new StringBuilder();
        var comments = new StringBuilder();
        var inBlock = inTransaction;
        var i = 0;
        while (i < sql.Length)
        {
            var c = sql[i];
            if (c == '-' && At(sql, i, "--"))
            {
                var end = sql.IndexOf('\n', i);
                end = end < 0 ? sql.Length : end;
                comments.AppendLine(sql[(i + 2)..end].Trim());
                i = end;
                text.Append(' ');
                continue;
            }

            if (c == '/' && At(sql, i, "/*"))
            {
                var end = sql.IndexOf("*/", i + 2, StringComparison.Ordinal);
                end = end < 0 ? sql.Length : end + 2;
                comments.AppendLine(sql[(i + 2)..Math.Max(i + 2, end - 2)].Trim());
                i = end;
                text.Append(' ');
                continue;
            }

            if (c is '\'' or '"')
            {
                var end = sql.IndexOf(c, i + 1);
                while (end >= 0 && end + 1 < sql.Length && sql[end + 1] == c)
                {
                    end = sql.IndexOf(c, end + 2);
                }

                end = end < 0 ? sql.Length : end + 1;
                text.Append(sql, i, end - i);
                i = end;
                continue;
            }

            if (c == '$' && DollarTag().Match(sql, i) is { Success: true } tag && tag.Index == i)
            {
                var close = sql.IndexOf(tag.Value, i + tag.Length, StringComparison.Ordinal);
                var end = close < 0 ? sql.Length : close + tag.Length;
                text.Append(sql, i, end - i);
                i = end;
                continue;
            }

            if (c == ';')
            {
                Flush();
                i++;
                continue;
            }

            text.Append(c);
            i++;
        }

        Flush();
        return statements;

        void Flush()
        {
            var statement = Whitespace().Replace(text.ToString(), " ").Trim();
            var notes = comments.ToString();
            text.Clear();
            comments.Clear();
            if (statement.Length == 0)
            {
                return;
            }

            if (TransactionStart().IsMatch(statement))
            {
                inBlock = true;
                return;
            }

            if (TransactionEnd().IsMatch(statement))
            {
                inBlock = inTransaction;
                return;
            }

            var acknowledgements = new Dictionary<string, string>(acknowledged ?? new Dictionary<string, string>(), StringComparer.OrdinalIgnoreCase);
            foreach (Match match in Acknowledgement().Matches(notes))
            {
                acknowledgements[match.Groups["rule"].Value] = match.Groups["reason"].Value.Trim();
            }

            statements.Add(new SqlStatement(
                statement,
                inBlock,
                acknowledgements,
                statement.Contains(GeneratedBlockTag, StringComparison.Ordinal)));
        }
    }

    // The dollar tag of the guarded DO blocks Cmms.Data's generator writes (SafeMigrationsSqlGenerator, Rewrites/).
    private const string GeneratedBlockTag = "$cmms$";

    private static bool At(string sql, int index, string token) => string.CompareOrdinal(sql, index, token, 0, token.Length) == 0;

    [GeneratedRegex(@"\$[A-Za-z_][A-Za-z0-9_]*\$|\$\$")]
    private static partial Regex DollarTag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^(BEGIN|START\s+TRANSACTION)(\s+(WORK|TRANSACTION|ISOLATION.*))?$", RegexOptions.IgnoreCase)]
    private static partial Regex TransactionStart();

    [GeneratedRegex(@"^(COMMIT|ROLLBACK|END)(\s+(WORK|TRANSACTION))?$", RegexOptions.IgnoreCase)]
    private static partial Regex TransactionEnd();

    [GeneratedRegex(@"cmms-lint:\s*acknowledge\s+(?<rule>CMMS\d{4})\s*(?<reason>[^\r\n]*)", RegexOptions.IgnoreCase)]
    private static partial Regex Acknowledgement();
}
