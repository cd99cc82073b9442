using Cmms.Data.Conventions.Diagnostics;
using Cmms.Data.Conventions.Rules;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Cmms.Data.Conventions.Indexes;

/// <summary>
///     Describes EF Core keys and indexes (with Npgsql's index metadata, which are plain annotations: reading them needs
///     no Npgsql provider) as <see cref="IndexDefinition" />s: the one translation from the model to the rule engine,
///     used while the conventions run and on finalized models.
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

    /// <summary>
    ///     Describes <paramref name="index" /> as the provider with <paramref name="capabilities" /> builds it: a feature
    ///     it does not build (INCLUDE on SQLite, say) is left out, so the rules judge the index the database will have.
    /// </summary>
    public static IndexDefinition Describe(IReadOnlyIndex index, StoreObjectIdentifier table, string tableName, IndexCapabilities capabilities)
    {
        var columns = ColumnsOf(index.Properties, table);
        var tsVectorConfig = capabilities.Builds(UnsupportedIndexFeature.FullText) ? index.GetTsVectorConfig() : null;
        var keyColumns = tsVectorConfig is null
            ? columns.Select((column, i) => DescribeKey(index, column, i, capabilities)).ToList()
            : [new IndexKeyColumn($"to_tsvector('{tsVectorConfig}', {string.Join(" || ' ' || ", columns)})", IsExpression: true)];
        var method = capabilities.Builds(UnsupportedIndexFeature.Method) ? index.GetMethod() : null;

        return new IndexDefinition
        {
            Table = tableName,
            Name = index.GetDatabaseName(table) ?? index.GetDatabaseName() ?? index.Name ?? string.Join("_", columns),
            Method = string.IsNullOrEmpty(method) ? "btree" : method,
            IncludeColumns = capabilities.Builds(UnsupportedIndexFeature.IncludeColumns)
                ? index.GetIncludeProperties()?
                    .Select(p => index.DeclaringEntityType.FindProperty(p)?.GetColumnName(table) ?? p)
                    .ToList() ?? []
                : [],
            KeyColumns = keyColumns,
            Predicate = index.GetFilter(table) ?? index.GetFilter(),
            IsUnique = index.IsUnique,
            NullsNotDistinct = capabilities.Builds(UnsupportedIndexFeature.NullsNotDistinct) && index.GetAreNullsDistinct() == false,

            // A finalized model no longer says where an index came from; treat it as declared.
            IsDeclared = (index as IConventionIndex)?.GetConfigurationSource() is null
                or ConfigurationSource.Explicit
                or ConfigurationSource.DataAnnotation,
            AllowRedundant = index.GetAllowRedundant(),
        };
    }

    private static IndexKeyColumn DescribeKey(IReadOnlyIndex index, string column, int position, IndexCapabilities capabilities)
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
            _ when !capabilities.Builds(UnsupportedIndexFeature.NullSortOrder) => (bool?)null,
            NullSortOrder.NullsFirst => true,
            NullSortOrder.NullsLast => false,
            _ => null,
        };
        return new IndexKeyColumn(
            column,
            Descending: descending,
            NullsFirst: nullsFirst,
            OperatorClass: capabilities.Builds(UnsupportedIndexFeature.OperatorClasses) ? NullIfEmpty(At(index.GetOperators(), position)) : null,
            Collation: capabilities.Builds(UnsupportedIndexFeature.Collation) ? NullIfEmpty(At(index.GetCollation(), position)) : null);
    }

    private static T? At<T>(IReadOnlyList<T>? values, int position)
        => values is not null && position < values.Count ? values[position] : default;

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
