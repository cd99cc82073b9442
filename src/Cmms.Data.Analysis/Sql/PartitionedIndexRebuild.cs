using System.Text.RegularExpressions;
using Cmms.Data.Analysis.Catalog;

namespace Cmms.Data.Analysis.Sql;

/// <summary>
///     The fix of an invalid index of a partitioned table, which PostgreSQL 15 cannot repair in place:
///     <c>CREATE INDEX CONCURRENTLY</c> and <c>DROP INDEX CONCURRENTLY</c> are refused on a partitioned table, an index
///     attached to a parent's cannot be dropped alone, and <c>REINDEX INDEX [CONCURRENTLY]</c> on the parent rebuilds
///     the partitions' indexes but leaves the parent invalid (it neither creates a missing partition index nor
///     re-validates the parent; checked on 15.18). So a twin is built beside it the way
///     https://www.postgresql.org/docs/15/ddl-partitioning.html#DDL-PARTITIONING-DECLARATIVE-MAINTENANCE describes:
///     created on the parent alone (<c>ON ONLY</c>), built concurrently on each partition (recursively for a partition
///     that is itself partitioned) and attached, which makes it valid once every partition has one; then the invalid
///     index is dropped (a short ACCESS EXCLUSIVE lock on the partitioned table, no build; its attached partition
///     indexes go with it) and the twin takes its name. A partition's new index takes the name of the one it replaces,
///     or, where the partition had none, the partition's name and the final index name: never a <c>_rebuilt</c> name
///     that lingers, which would also grow towards the 63-byte limit with every level of partitioning.
/// </summary>
internal static partial class PartitionedIndexRebuild
{
    /// <summary>The statements, one per line, or a SQL comment when the definition cannot be taken apart safely.</summary>
    /// <param name="index">An invalid index of a partitioned table, with its <see cref="CatalogIndex.CreateStatement" />.</param>
    /// <param name="catalog">The catalog (its partitions and quoting).</param>
    /// <param name="taken">Relation names in use, per schema; every new name is added.</param>
    public static string Statements(CatalogIndex index, CatalogSnapshot catalog, HashSet<(string Schema, string Name)> taken)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(catalog);

        var manual = $"-- rebuild {UnprintableText.Escape(index.Name)} by hand: its definition (pg_get_indexdef) cannot be printed safely";
        Match parts;
        try
        {
            parts = Definition().Match(DeparsedSql.EscapeUnprintable(index.CreateStatement ?? string.Empty));
        }
        catch (FormatException)
        {
            return manual;
        }

        var table = catalog.Tables.SingleOrDefault(t => t.Schema == index.Schema && t.Name == index.TableName);
        if (!parts.Success || table is null)
        {
            return manual;
        }

        var quoter = catalog.Quoter;
        var twin = FixSql.UniqueName(index.Schema, index.Name + "_rebuilt", taken);
        var statements = new List<string>();
        var renames = new List<string>();
        var shape = new IndexShape(parts.Groups["unique"].Value, parts.Groups["method"].Value);
        Build(table, twin, index.Name, index.Name, shape, catalog, taken, statements, renames);
        statements.Add($"DROP INDEX IF EXISTS {quoter.Quote(index.Schema, index.Name)};");
        statements.Add($"ALTER INDEX {quoter.Quote(index.Schema, twin)} RENAME TO {quoter.Quote(index.Name)};");
        statements.AddRange(renames);
        return string.Join(Environment.NewLine, statements);
    }

    private sealed record IndexShape(string Unique, string Method);

    // The index on the table: concurrently on a plain partition, ON ONLY then each partition's attached on a partitioned
    // one. name is the index built now, finalName what it is called in the end, replaced the index it stands in for
    // (dropped with the old parent); renames collects the partitions' renames, which run once the old indexes are gone.
    private static void Build(
        CatalogTable table,
        string name,
        string finalName,
        string? replaced,
        IndexShape shape,
        CatalogSnapshot catalog,
        HashSet<(string Schema, string Name)> taken,
        List<string> statements,
        List<string> renames)
    {
        var quoter = catalog.Quoter;
        if (table.Kind != RelationKind.PartitionedTable)
        {
            statements.Add($"CREATE {shape.Unique}INDEX CONCURRENTLY {quoter.Quote(name)} ON {quoter.Quote(table.Schema, table.Name)} USING {shape.Method};");
            return;
        }

        statements.Add($"CREATE {shape.Unique}INDEX {quoter.Quote(name)} ON ONLY {quoter.Quote(table.Schema, table.Name)} USING {shape.Method};");
        foreach (var partition in catalog.Tables.Where(t => t.QualifiedParent == table.QualifiedName))
        {
            var old = replaced is null
                ? null
                : catalog.Indexes.FirstOrDefault(i => i.Schema == partition.Schema && i.TableName == partition.Name && i.ParentIndex == replaced);
            string partitionIndex;
            string partitionFinal;
            if (old is null)
            {
                partitionIndex = partitionFinal = FixSql.UniqueName(partition.Schema, $"{partition.Name}_{finalName}", taken);
            }
            else
            {
                partitionFinal = old.Name;
                partitionIndex = FixSql.UniqueName(partition.Schema, old.Name + "_rebuilt", taken);
                renames.Add($"ALTER INDEX {quoter.Quote(partition.Schema, partitionIndex)} RENAME TO {quoter.Quote(old.Name)};");
            }

            Build(partition, partitionIndex, partitionFinal, old?.Name, shape, catalog, taken, statements, renames);
            statements.Add($"ALTER INDEX {quoter.Quote(table.Schema, name)} ATTACH PARTITION {quoter.Quote(partition.Schema, partitionIndex)};");
        }
    }

    // pg_get_indexdef of a partitioned table's index: CREATE [UNIQUE ]INDEX name ON ONLY schema.table USING method (…) ….
    // Identifiers come as quote_identifier writes them, or U&"…" after DeparsedSql escaped them.
    [GeneratedRegex("""^CREATE (?<unique>UNIQUE )?INDEX (?:(?:U&)?"(?:[^"]|"")*"|[^\s"]+) ON ONLY (?:(?:U&)?"(?:[^"]|"")*"|[^\s".]+)(?:\.(?:(?:U&)?"(?:[^"]|"")*"|[^\s".]+))? USING (?<method>.+)$""", RegexOptions.Singleline)]
    private static partial Regex Definition();
}
