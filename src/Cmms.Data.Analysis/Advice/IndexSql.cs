using Cmms.Data.Analysis.Sql;
using System.Text;
using Cmms.Data.Conventions.Rules;

namespace Cmms.Data.Analysis.Advice;

/// <summary>
///     Writes the statements of a proposal. Identifiers go through the quote function given (the server's
///     <c>quote_ident</c>); the predicate and an expression key are the server's own deparse of the plan's condition, so
///     they are already quoted.
/// </summary>
internal static class IndexSql
{
    /// <summary>The identifiers <see cref="Create" /> and <see cref="Drop" /> need quoted.</summary>
    public static IEnumerable<string> Identifiers(TableName table, IndexDefinition index)
        => new[] { table.Schema, table.Name, index.Name }
            .Concat(index.KeyColumns.Where(k => !k.IsExpression).Select(k => k.Name))
            .Concat(index.IncludeColumns)
            .Concat(index.KeyColumns.Select(k => k.OperatorClass).OfType<string>());

    /// <summary>The <c>CREATE INDEX CONCURRENTLY</c> statement of a proposal.</summary>
    public static string Create(TableName table, IndexDefinition index, Func<string, string> quote)
        => Build(new StringBuilder("CREATE INDEX CONCURRENTLY ").Append(quote(index.Name)).Append(" ON "), table, index, quote);

    /// <summary>The statement HypoPG simulates (<c>hypopg_create_index</c>): unnamed, since HypoPG names it, and without CONCURRENTLY.</summary>
    public static string Hypothetical(TableName table, IndexDefinition index, Func<string, string> quote)
        => Build(new StringBuilder("CREATE INDEX ON "), table, index, quote);

    public static string Drop(TableName table, string index, Func<string, string> quote)
        => $"DROP INDEX CONCURRENTLY {quote(table.Schema)}.{quote(index)};";

    private static string Build(StringBuilder sql, TableName table, IndexDefinition index, Func<string, string> quote)
    {
        sql.Append(quote(table.Schema)).Append('.').Append(quote(table.Name));
        if (!string.Equals(index.Method, "btree", StringComparison.Ordinal))
        {
            sql.Append(" USING ").Append(index.Method);
        }

        sql.Append(" (").AppendJoin(", ", index.KeyColumns.Select(k => Key(k, quote))).Append(')');
        if (index.IncludeColumns.Count > 0)
        {
            sql.Append(" INCLUDE (").AppendJoin(", ", index.IncludeColumns.Select(quote)).Append(')');
        }

        if (index.Predicate is not null)
        {
            sql.Append(" WHERE ").Append(DeparsedSql.EscapeUnprintable(index.Predicate));
        }

        return sql.Append(';').ToString();
    }

    private static string Key(IndexKeyColumn key, Func<string, string> quote)
    {
        // An expression key stands in parentheses of its own (https://www.postgresql.org/docs/15/sql-createindex.html).
        var text = key.IsExpression ? $"({DeparsedSql.EscapeUnprintable(key.Name)})" : quote(key.Name);
        if (key.OperatorClass is not null)
        {
            text += " " + quote(key.OperatorClass);
        }

        if (key.Descending)
        {
            text += " DESC";
        }

        if (key.NullsFirst is { } first)
        {
            text += first ? " NULLS FIRST" : " NULLS LAST";
        }

        return text;
    }
}
