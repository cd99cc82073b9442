using Cmms.Data.Analysis.Catalog;

namespace Cmms.Data.Analysis.Sql;

/// <summary>The SQL of fixes that change a column's type, and of advice that cannot be one safe statement.</summary>
internal static class ColumnFixSql
{
    /// <summary>
    ///     The line before a statement that rewrites a table: <c>ALTER COLUMN … TYPE</c> takes an ACCESS EXCLUSIVE lock
    ///     for the whole rewrite (https://www.postgresql.org/docs/current/sql-altertable.html#SQL-ALTERTABLE-NOTES).
    /// </summary>
    public const string RewriteNotice = "-- rewrites the table under an ACCESS EXCLUSIVE lock: plan a maintenance window";

    /// <summary><see cref="RewriteNotice" />, then <c>ALTER TABLE … ALTER COLUMN … TYPE <paramref name="type" /> [USING …];</c>.</summary>
    /// <param name="schema">The table's schema.</param>
    /// <param name="table">The table.</param>
    /// <param name="column">The column.</param>
    /// <param name="type">The new type, already valid SQL (a keyword type, or <c>format_type</c> output).</param>
    /// <param name="quoter">The quoter.</param>
    /// <param name="usingExpression">A <c>USING</c> expression, where {0} stands for the quoted column.</param>
    public static string AlterType(string schema, string table, string column, string type, SqlQuoter quoter, string? usingExpression = null)
    {
        ArgumentNullException.ThrowIfNull(quoter);

        var quotedColumn = quoter.Quote(column);
        var @using = usingExpression is null ? string.Empty : " USING " + string.Format(System.Globalization.CultureInfo.InvariantCulture, usingExpression, quotedColumn);
        return RewriteNotice + Environment.NewLine
            + $"ALTER TABLE {quoter.Quote(schema, table)} ALTER COLUMN {quotedColumn} TYPE {type}{@using};";
    }

    /// <summary>Advice: every line a SQL comment, names escaped so that none can end the comment early.</summary>
    public static string Advice(params string[] lines)
        => string.Join(Environment.NewLine, lines.Select(line => "-- " + UnprintableText.Escape(line)));

    /// <summary>The columns of each table, by <c>schema.table</c>.</summary>
    public static ILookup<string, CatalogColumn> ColumnsByTable(CatalogSnapshot catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);

        return catalog.Health.Columns.ToLookup(c => c.QualifiedTable, StringComparer.Ordinal);
    }
}
