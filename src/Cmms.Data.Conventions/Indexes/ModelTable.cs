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

    private readonly IndexCapabilities _capabilities;

    private ModelTable(StoreObjectIdentifier storeObject, IReadOnlyList<IConventionEntityType> entityTypes, IndexCapabilities capabilities)
    {
        _capabilities = capabilities;
        StoreObject = storeObject;
        EntityTypes = entityTypes;
        DisplayName = storeObject.Schema is null ? storeObject.Name : $"{storeObject.Schema}.{storeObject.Name}";

        foreach (var key in entityTypes.SelectMany(e => e.GetDeclaredKeys()))
        {
            if (key.GetName(storeObject) is { } name && _keys.All(k => k.Name != name))
            {
                _keys.Add(IndexDescriber.Describe(key, name, storeObject, DisplayName));
            }
        }

        foreach (var index in entityTypes.SelectMany(e => e.GetDeclaredIndexes()))
        {
            _indexes.Add(IndexDescriber.Describe(index, storeObject, DisplayName, capabilities), index);
        }
    }

    public StoreObjectIdentifier StoreObject { get; }

    public string DisplayName { get; }

    public IReadOnlyList<IConventionEntityType> EntityTypes { get; }

    /// <summary>Keys first, then indexes: everything the rules weigh on this table.</summary>
    public IEnumerable<IndexDefinition> Definitions => _keys.Concat(_indexes.Keys);

    public IConventionIndex IndexOf(IndexDefinition definition) => _indexes[definition];

    public void Forget(IndexDefinition definition) => _indexes.Remove(definition);

    public void Forget(IConventionIndex index)
    {
        foreach (var definition in _indexes.Where(d => d.Value == index).Select(d => d.Key).ToList())
        {
            _indexes.Remove(definition);
        }
    }

    /// <summary>Whether a key or another index of the table has this database name (they share PostgreSQL's namespace of relations).</summary>
    public bool HasDatabaseIndexNamed(string name, IConventionIndex? except = null)
        => _keys.Any(k => k.Name == name) || _indexes.Any(d => d.Key.Name == name && d.Value != except);

    /// <summary>Whether an index of the table's entity types has this model name (<c>HasIndex(..., name)</c>).</summary>
    public bool HasModelIndexNamed(string name) => EntityTypes.SelectMany(e => e.GetDeclaredIndexes()).Any(i => i.Name == name);

    public void Remember(IConventionIndex index) => _indexes.Add(IndexDescriber.Describe(index, StoreObject, DisplayName, _capabilities), index);

    public IReadOnlyList<string> ColumnsOf(IEnumerable<IReadOnlyProperty> properties)
        => IndexDescriber.ColumnsOf(properties, StoreObject);

    /// <summary>Groups the model's table-mapped entity types by table, describing indexes as the provider builds them.</summary>
    public static IReadOnlyList<ModelTable> ReadAll(IConventionModel model, IndexCapabilities capabilities)
        => model.GetEntityTypes()
            .Select(e => (EntityType: e, Table: StoreObjectIdentifier.Create(e, StoreObjectType.Table)))
            .Where(x => x.Table is not null)
            .GroupBy(x => x.Table!.Value)
            .Select(g => new ModelTable(g.Key, g.Select(x => x.EntityType).ToList(), capabilities))
            .ToList();
}
