using Cmms.Data.Conventions.Rules;
using Npgsql;

namespace Cmms.Data.Analysis.Catalog;

/// <summary>Turns the rows of the <see cref="CatalogSql" /> queries into catalog records, column by column.</summary>
internal static class CatalogRows
{
    public static CatalogTable ReadTable(NpgsqlDataReader r)
        => new(
            r.GetString(0),
            r.GetString(1),
            r.GetString(2) switch { "p" => RelationKind.PartitionedTable, "m" => RelationKind.MaterializedView, _ => RelationKind.Table },
            r.GetBoolean(3),
            r.GetBoolean(4),
            r.GetDouble(5),
            r.GetInt64(6),
            r.GetInt64(7),
            r.GetInt64(8),
            r.IsDBNull(9) ? null : r.GetString(9),
            r.IsDBNull(10) ? null : r.GetString(10),
            r.GetInt64(11));

    public static IndexColumnRow ReadIndexColumn(NpgsqlDataReader r)
        => new(
            r.GetBoolean(1),
            r.GetString(2),
            r.GetBoolean(3),
            r.GetBoolean(4),
            r.IsDBNull(5) ? null : r.GetString(5),
            r.IsDBNull(6) ? null : r.GetString(6),
            r.GetString(7),
            r.GetInt32(8),
            r.GetString(9)[0],
            r.GetBoolean(10));

    public static CatalogIndex ReadIndex(NpgsqlDataReader r, List<IndexColumnRow> columns)
    {
        var schema = r.GetString(1);
        var table = r.GetString(2);
        var name = r.GetString(3);
        var keyCount = r.GetInt32(8);
        var constraintType = r.IsDBNull(9) ? null : r.GetString(9);
        var keys = columns.Take(keyCount)
            .Select(c => new IndexKeyColumn(
                c.Name,
                c.IsExpression,
                c.Descending,
                c.NullsFirst == c.Descending ? null : c.NullsFirst,
                c.OperatorClass,
                c.Collation))
            .ToList();

        return new CatalogIndex
        {
            Definition = new IndexDefinition
            {
                Table = $"{schema}.{table}",
                Name = name,
                Kind = constraintType switch { "p" => IndexKind.PrimaryKey, "u" => IndexKind.UniqueConstraint, _ => IndexKind.Index },
                Method = r.GetString(4),
                KeyColumns = keys,
                IncludeColumns = columns.Skip(keyCount).Select(c => c.Name).ToList(),
                Predicate = r.IsDBNull(10) ? null : r.GetString(10),
                IsUnique = r.GetBoolean(6),
                NullsNotDistinct = r.GetBoolean(11),
                // An index attached to a partitioned table's index cannot be dropped on its own (only with the
                // parent's), so it is never proposed for dropping, yet it still covers a standalone twin.
                AllowRedundant = constraintType == "x" || r.GetBoolean(18) || !r.IsDBNull(19),
            },
            Schema = schema,
            TableName = table,
            IsPartitioned = r.GetBoolean(5),
            ParentIndex = r.IsDBNull(19) ? null : r.GetString(19),
            IsValid = r.GetBoolean(7),
            IsExclusionConstraint = constraintType == "x",
            CreateStatement = r.IsDBNull(12) ? null : r.GetString(12),
            SizeBytes = r.GetInt64(13),
            Pages = r.GetInt64(14),
            Tuples = r.GetDouble(15),
            Scans = r.GetInt64(16),
            FillFactor = r.GetInt32(17),
            Columns = columns
                .Select(c => new IndexColumnStorage(c.IsExpression ? name : table, c.StatisticsColumn, c.Length, c.Alignment, c.NotNull))
                .ToList(),
        };
    }


    public static CatalogConstraint ReadConstraint(NpgsqlDataReader r)
        => new(
            r.GetString(0),
            r.GetString(1),
            r.GetString(2),
            r.GetString(3)[0],
            r.GetBoolean(4),
            r.GetFieldValue<string[]>(5),
            r.IsDBNull(6) ? null : r.GetString(6),
            r.GetFieldValue<string[]>(7));

    public static CatalogSequence ReadSequence(NpgsqlDataReader r)
        => new(
            r.GetString(0),
            r.GetString(1),
            r.GetString(2),
            r.GetInt64(3),
            r.GetInt64(4),
            r.GetInt64(5),
            r.GetBoolean(6),
            r.IsDBNull(8) ? null : r.GetInt64(8),
            r.GetBoolean(7),
            r.IsDBNull(9) ? null : new SequenceOwner(r.GetString(9), r.GetString(10), r.GetString(11), r.GetString(12)),
            r.GetInt64(13));

    public static KeyValuePair<string, ColumnStatistic> ReadStatistic(NpgsqlDataReader r)
        => new(
            CatalogSnapshot.StatisticsKey(r.GetString(0), r.GetString(1), r.GetString(2)),
            new ColumnStatistic(r.IsDBNull(3) ? 0 : r.GetInt32(3), r.IsDBNull(4) ? 0 : r.GetDouble(4)));

    /// <summary>One row of <see cref="CatalogSql.IndexColumns" />, before it becomes part of a <see cref="CatalogIndex" />.</summary>
    public sealed record IndexColumnRow(
        bool IsExpression,
        string Name,
        bool Descending,
        bool NullsFirst,
        string? OperatorClass,
        string? Collation,
        string StatisticsColumn,
        int Length,
        char Alignment,
        bool NotNull);
}
