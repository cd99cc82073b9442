using System.Text;
using System.Text.RegularExpressions;
using Cmms.Data.Analysis.Catalog;

namespace Cmms.Data.Analysis.Sql;

/// <summary>
///     The SQL of fixes. Index changes run CONCURRENTLY, so they never block reads or writes of the table
///     (https://www.postgresql.org/docs/current/sql-createindex.html#SQL-CREATEINDEX-CONCURRENTLY); each statement
///     must run on its own, outside a transaction block.
/// </summary>
internal static partial class FixSql
{
    /// <summary>PostgreSQL truncates longer identifiers (NAMEDATALEN - 1 bytes).</summary>
    public const int MaxIdentifierBytes = 63;

    /// <summary>
    ///     Drops an index without blocking the table; a constraint's index goes with its constraint. An index of a
    ///     partitioned table cannot be dropped concurrently and is dropped plainly.
    /// </summary>
    public static string DropIndex(CatalogIndex index, SqlQuoter quoter)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(quoter);

        if (index.BacksConstraint)
        {
            return $"ALTER TABLE {quoter.Quote(index.Schema, index.TableName)} DROP CONSTRAINT {quoter.Quote(index.Name)};";
        }

        var concurrently = index.IsPartitioned ? string.Empty : " CONCURRENTLY";
        return $"DROP INDEX{concurrently} IF EXISTS {quoter.Quote(index.Schema, index.Name)};";
    }

    /// <summary>
    ///     The index's own definition (<c>pg_get_indexdef</c>), built concurrently unless its table is partitioned, with
    ///     unprintable characters in its names and constants escaped (<see cref="DeparsedSql" />).
    /// </summary>
    public static string Recreate(CatalogIndex index)
    {
        ArgumentNullException.ThrowIfNull(index);

        var statement = index.CreateStatement ?? throw new InvalidOperationException($"The definition of {index.Name} was not read.");
        try
        {
            statement = DeparsedSql.EscapeUnprintable(statement);
        }
        catch (FormatException)
        {
            return $"-- recreate {UnprintableText.Escape(index.Name)} by hand: its definition (pg_get_indexdef) cannot be printed safely";
        }

        return (index.IsPartitioned ? statement : CreateIndexPrefix().Replace(statement, "CREATE ${unique}INDEX CONCURRENTLY ", 1)) + ";";
    }

    /// <summary>
    ///     A plain btree index on <paramref name="columns" />, built concurrently. PostgreSQL refuses
    ///     <c>CREATE INDEX CONCURRENTLY</c> on a partitioned table, so there the index is created on the parent alone
    ///     (<c>ON ONLY</c>, invalid until every partition has one), built concurrently on each partition (recursively
    ///     for a partition that is itself partitioned) and each partition's index attached, which makes the parent's
    ///     valid: https://www.postgresql.org/docs/current/ddl-partitioning.html#DDL-PARTITIONING-DECLARATIVE-MAINTENANCE.
    ///     Every new name is taken from <paramref name="taken" /> and added to it.
    /// </summary>
    public static string CreateIndex(
        CatalogTable table,
        string name,
        IReadOnlyList<string> columns,
        CatalogSnapshot catalog,
        HashSet<(string Schema, string Name)> taken)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(catalog);

        var quoter = catalog.Quoter;
        var on = $"({quoter.QuoteList(columns)});";
        if (table.Kind != RelationKind.PartitionedTable)
        {
            return $"CREATE INDEX CONCURRENTLY {quoter.Quote(name)} ON {quoter.Quote(table.Schema, table.Name)} {on}";
        }

        var statements = new List<string> { $"CREATE INDEX {quoter.Quote(name)} ON ONLY {quoter.Quote(table.Schema, table.Name)} {on}" };
        foreach (var partition in catalog.Tables.Where(t => t.QualifiedParent == table.QualifiedName))
        {
            var partitionIndex = UniqueName(partition.Schema, $"ix_{partition.Name}_{string.Join("_", columns)}", taken);
            statements.Add(CreateIndex(partition, partitionIndex, columns, catalog, taken));
            statements.Add($"ALTER INDEX {quoter.Quote(table.Schema, name)} ATTACH PARTITION {quoter.Quote(partition.Schema, partitionIndex)};");
        }

        return string.Join(Environment.NewLine, statements);
    }

    /// <summary>The names of every index, table and sequence of the catalog, by schema: what a new index may not be called.</summary>
    public static HashSet<(string Schema, string Name)> TakenNames(CatalogSnapshot catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);

        return catalog.Indexes.Select(i => (i.Schema, i.Name))
            .Concat(catalog.Tables.Select(t => (t.Schema, t.Name)))
            .Concat(catalog.Sequences.Select(s => (s.Schema, s.Name)))
            .ToHashSet();
    }

    /// <summary>
    ///     <paramref name="baseName" /> cut to what PostgreSQL keeps, with a number appended while a relation of
    ///     <paramref name="schema" /> in <paramref name="taken" /> has it; the result is added to <paramref name="taken" />.
    /// </summary>
    public static string UniqueName(string schema, string baseName, HashSet<(string Schema, string Name)> taken)
    {
        ArgumentNullException.ThrowIfNull(taken);

        var name = Truncate(baseName);
        for (var suffix = 1; taken.Contains((schema, name)); suffix++)
        {
            var tail = suffix.ToString(System.Globalization.CultureInfo.InvariantCulture);
            name = Truncate(baseName, MaxIdentifierBytes - tail.Length) + tail;
        }

        taken.Add((schema, name));
        return name;
    }

    /// <summary>Cuts a name to <paramref name="maxBytes" /> bytes of UTF-8 (by default what PostgreSQL keeps), without splitting a character.</summary>
    public static string Truncate(string name, int maxBytes = MaxIdentifierBytes)
    {
        ArgumentNullException.ThrowIfNull(name);

        while (Encoding.UTF8.GetByteCount(name) > maxBytes)
        {
            name = name[..^(char.IsLowSurrogate(name[^1]) ? 2 : 1)];
        }

        return name;
    }

    [GeneratedRegex("^CREATE (?<unique>UNIQUE )?INDEX ")]
    private static partial Regex CreateIndexPrefix();
}
