using Cmms.Data.Conventions.Rules;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Cmms.Data.Conventions.Indexes;

/// <summary>
///     Describes EF Core keys and indexes (with Npgsql's index metadata) as <see cref="IndexDefinition" />s: the one
///     translation from the model to the rule engine, used while the conventions run and on finalized models.
/// </summary>
internal static class IndexDescriber
{
    public static IReadOnlyList<string> ColumnsOf(IEnumerable<IReadOnlyProperty> properties, StoreObjectIdentifier table)
        => properties.Select(p => p.GetColumnName(table) ?? p.Name).ToList();

    public static IndexDefinition Describe(IReadOnlyKey key, string name, StoreObjectIdentifier table, string tableName)
        => new()
        {
            Table = tableName,
            Name = name,
            Kind = key.IsPrimaryKey() ? IndexKind.PrimaryKey : IndexKind.UniqueConstraint,
            KeyColumns = ColumnsOf(key.Properties, table).Select(c => new IndexKeyColumn(c)).ToList(),
            IsUnique = true,
        };

    public static IndexDefinition Describe(IReadOnlyIndex index, StoreObjectIdentifier table, string tableName)
    {
        var columns = ColumnsOf(index.Properties, table);
        var tsVectorConfig = index.GetTsVectorConfig();
        var keyColumns = tsVectorConfig is null
            ? columns.Select((column, i) => DescribeKey(index, column, i)).ToList()
            : [new IndexKeyColumn($"to_tsvector('{tsVectorConfig}', {string.Join(" || ' ' || ", columns)})", IsExpression: true)];

        return new IndexDefinition
        {
            Table = tableName,
            Name = index.GetDatabaseName(table) ?? index.GetDatabaseName() ?? index.Name ?? string.Join("_", columns),
            Method = string.IsNullOrEmpty(index.GetMethod()) ? "btree" : index.GetMethod()!,
            KeyColumns = keyColumns,
            IncludeColumns = index.GetIncludeProperties()?
                .Select(p => index.DeclaringEntityType.FindProperty(p)?.GetColumnName(table) ?? p)
                .ToList() ?? [],
            Predicate = index.GetFilter(table) ?? index.GetFilter(),
            IsUnique = index.IsUnique,
            NullsNotDistinct = index.GetAreNullsDistinct() == false,

            // A finalized model no longer says where an index came from; treat it as declared.
            IsDeclared = (index as IConventionIndex)?.GetConfigurationSource() is null
                or ConfigurationSource.Explicit
                or ConfigurationSource.DataAnnotation,
            AllowRedundant = index.GetAllowRedundant(),
        };
    }

    private static IndexKeyColumn DescribeKey(IReadOnlyIndex index, string column, int position)
    {
        // EF Core: no flags means all ascending, an empty list means all descending.
        var descending = index.IsDescending switch
        {
            null => false,
            { Count: 0 } => true,
            var flags => position < flags.Count && flags[position],
        };
        var nullsFirst = At(index.GetNullSortOrder(), position) switch
        {
            NullSortOrder.NullsFirst => true,
            NullSortOrder.NullsLast => false,
            _ => (bool?)null,
        };
        return new IndexKeyColumn(
            column,
            Descending: descending,
            NullsFirst: nullsFirst,
            OperatorClass: NullIfEmpty(At(index.GetOperators(), position)),
            Collation: NullIfEmpty(At(index.GetCollation(), position)));
    }

    private static T? At<T>(IReadOnlyList<T>? values, int position)
        => values is not null && position < values.Count ? values[position] : default;

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
