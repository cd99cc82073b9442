using Cmms.Data.Conventions.Indexes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Cmms.Data.Conventions.Rules;

/// <summary>
///     Reads the keys and indexes of an EF Core model as <see cref="IndexDefinition" />s, exactly as the index
///     conventions see them, so a finalized model can be compared with a database described the same way.
/// </summary>
public static class ModelIndexDefinitions
{
    /// <summary>Every primary key, unique constraint and index of the model's tables.</summary>
    /// <param name="model">A model (normally the design-time model, after the conventions ran).</param>
    /// <param name="defaultSchema">
    ///     The schema of tables mapped without one (PostgreSQL's <c>public</c>, usually), so that <see cref="IndexDefinition.Table" />
    ///     is schema-qualified; <see langword="null" /> leaves such tables unqualified.
    /// </param>
    /// <returns>The definitions, ordered by table, then keys before indexes, then name.</returns>
    public static IReadOnlyList<IndexDefinition> Read(IReadOnlyModel model, string? defaultSchema = null)
    {
        ArgumentNullException.ThrowIfNull(model);

        var result = new List<IndexDefinition>();
        var tables = model.GetEntityTypes()
            .Select(e => (EntityType: e, Table: StoreObjectIdentifier.Create(e, StoreObjectType.Table)))
            .Where(x => x.Table is not null)
            .GroupBy(x => x.Table!.Value, x => x.EntityType);
        foreach (var table in tables.OrderBy(t => t.Key.Name, StringComparer.Ordinal))
        {
            var schema = table.Key.Schema ?? defaultSchema;
            var tableName = schema is null ? table.Key.Name : $"{schema}.{table.Key.Name}";
            var keys = table.SelectMany(e => e.GetDeclaredKeys())
                .Select(k => (Key: k, Name: k.GetName(table.Key)))
                .Where(k => k.Name is not null)
                .DistinctBy(k => k.Name)
                .Select(k => IndexDescriber.Describe(k.Key, k.Name!, table.Key, tableName));
            var indexes = table.SelectMany(e => e.GetDeclaredIndexes())
                .Select(i => IndexDescriber.Describe(i, table.Key, tableName, IndexCapabilities.PostgreSql));
            result.AddRange(keys.OrderBy(k => k.Name, StringComparer.Ordinal));
            result.AddRange(indexes.OrderBy(i => i.Name, StringComparer.Ordinal));
        }

        return result;
    }
}
