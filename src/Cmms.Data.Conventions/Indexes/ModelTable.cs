using Cmms.Data.Conventions.Rules;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Cmms.Data.Conventions.Indexes;

/// <summary>
///     One table of an EF Core model seen by the index rules: its keys and indexes as <see cref="IndexDefinition" />s,
///     each mapped back to the model element it came from.
/// </summary>
internal sealed class ModelTable
{
    private readonly Dictionary<IndexDefinition, IConventionIndex> _indexes = new(ReferenceEqualityComparer.Instance);
    private readonly List<IndexDefinition> _keys = [];

    private ModelTable(StoreObjectIdentifier storeObject, IReadOnlyList<IConventionEntityType> entityTypes)
    {
        StoreObject = storeObject;
        EntityTypes = entityTypes;
        DisplayName = storeObject.Schema is null ? storeObject.Name : $"{storeObject.Schema}.{storeObject.Name}";

        foreach (var key in entityTypes.SelectMany(e => e.GetDeclaredKeys()))
        {
            if (key.GetName(storeObject) is { } name && _keys.All(k => k.Name != name))
            {
                _keys.Add(Describe(key, name));
            }
        }

        foreach (var index in entityTypes.SelectMany(e => e.GetDeclaredIndexes()))
        {
            _indexes.Add(Describe(index), index);
        }
    }

    public StoreObjectIdentifier StoreObject { get; }

    public string DisplayName { get; }

    public IReadOnlyList<IConventionEntityType> EntityTypes { get; }

    /// <summary>Keys first, then indexes: everything the rules weigh on this table.</summary>
    public IEnumerable<IndexDefinition> Definitions => _keys.Concat(_indexes.Keys);

    public IConventionIndex IndexOf(IndexDefinition definition) => _indexes[definition];

    public void Forget(IndexDefinition definition) => _indexes.Remove(definition);

    public bool HasIndexNamed(string name)
        => _indexes.Keys.Any(d => d.Name == name)
            || EntityTypes.SelectMany(e => e.GetDeclaredIndexes()).Any(i => i.Name == name);

    public void Remember(IConventionIndex index) => _indexes.Add(Describe(index), index);

    public IReadOnlyList<string> ColumnsOf(IEnumerable<IReadOnlyProperty> properties)
        => properties.Select(p => p.GetColumnName(StoreObject) ?? p.Name).ToList();

    /// <summary>Groups the model's table-mapped entity types by table.</summary>
    public static IReadOnlyList<ModelTable> ReadAll(IConventionModel model)
        => model.GetEntityTypes()
            .Select(e => (EntityType: e, Table: StoreObjectIdentifier.Create(e, StoreObjectType.Table)))
            .Where(x => x.Table is not null)
            .GroupBy(x => x.Table!.Value)
            .Select(g => new ModelTable(g.Key, g.Select(x => x.EntityType).ToList()))
            .ToList();

    private IndexDefinition Describe(IConventionKey key, string name)
        => new()
        {
            Table = DisplayName,
            Name = name,
            Kind = key.IsPrimaryKey() ? IndexKind.PrimaryKey : IndexKind.UniqueConstraint,
            KeyColumns = ColumnsOf(key.Properties).Select(c => new IndexKeyColumn(c)).ToList(),
            IsUnique = true,
        };

    private IndexDefinition Describe(IConventionIndex index)
    {
        var columns = ColumnsOf(index.Properties);
        var tsVectorConfig = index.GetTsVectorConfig();
        var keyColumns = tsVectorConfig is null
            ? columns.Select((column, i) => DescribeKey(index, column, i)).ToList()
            : [new IndexKeyColumn($"to_tsvector('{tsVectorConfig}', {string.Join(" || ' ' || ", columns)})", IsExpression: true)];

        return new IndexDefinition
        {
            Table = DisplayName,
            Name = index.GetDatabaseName(StoreObject) ?? index.GetDatabaseName() ?? index.Name ?? string.Join("_", columns),
            Method = string.IsNullOrEmpty(index.GetMethod()) ? "btree" : index.GetMethod()!,
            KeyColumns = keyColumns,
            IncludeColumns = index.GetIncludeProperties()?
                .Select(p => index.DeclaringEntityType.FindProperty(p)?.GetColumnName(StoreObject) ?? p)
                .ToList() ?? [],
            Predicate = index.GetFilter(StoreObject) ?? index.GetFilter(),
            IsUnique = index.IsUnique,
            NullsNotDistinct = index.GetAreNullsDistinct() == false,
            IsDeclared = index.GetConfigurationSource() is ConfigurationSource.Explicit or ConfigurationSource.DataAnnotation,
            AllowRedundant = index.IsRedundancyAllowed(),
        };
    }

    private static IndexKeyColumn DescribeKey(IReadOnlyIndex index, string column, int position)
    {
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
