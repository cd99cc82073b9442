using Cmms.Data.Bench.Schemas;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Cmms.Data.Bench.Benchmarks;

/// <summary>
///     Finds, from the models rather than a list, the foreign keys that (b) (EF Core's conventions) leaves without a
///     usable index and checks whether (c) (Cmms.Data) indexes them.
/// </summary>
/// <remarks>
///     EF Core's <c>ForeignKeyIndexConvention</c> skips a foreign-key index when any index's columns start with the
///     key's, whatever its filter or method. PostgreSQL's referential-integrity check on a parent delete or key update
///     runs <c>SELECT 1 FROM ONLY child WHERE fk = $1 FOR KEY SHARE</c>, which a partial index (its predicate is not
///     implied) or a GIN index cannot serve: https://www.postgresql.org/docs/current/ddl-constraints.html#DDL-CONSTRAINTS-FK
///     ("it is often a good idea to index the referencing columns too").
/// </remarks>
internal static class UnindexedForeignKeys
{
    public static IReadOnlyList<UnindexedForeignKey> Find()
    {
        using var asDeclared = SchemaFactory.AsDeclared(CmmsContexts.ModelOnlyConnection);
        using var cmmsData = CmmsContexts.Create(CmmsContexts.ModelOnlyConnection);
        var cmmsModel = cmmsData.GetService<IDesignTimeModel>().Model;
        var found = new List<UnindexedForeignKey>();
        foreach (var entity in asDeclared.GetService<IDesignTimeModel>().Model.GetEntityTypes().Where(e => e.GetTableName() is not null))
        {
            foreach (var foreignKey in entity.GetForeignKeys().Where(fk => fk.PrincipalEntityType.GetTableName() is not null))
            {
                var columns = Columns(foreignKey.Properties);
                var leading = Leading(entity, columns).ToList();
                if (leading.Count == 0 || leading.Any(i => i.Usable))
                {
                    continue;
                }

                var cmmsEntity = cmmsModel.FindEntityType(entity.Name)!;
                found.Add(new UnindexedForeignKey(
                    foreignKey.GetConstraintName()!,
                    entity.GetTableName()!,
                    columns,
                    foreignKey.PrincipalEntityType.GetTableName()!,
                    Columns(foreignKey.PrincipalKey.Properties),
                    leading.Select(i => i.Name).ToList(),
                    Leading(cmmsEntity, columns).Any(i => i.Usable)));
            }
        }

        return found.OrderBy(f => f.Table, StringComparer.Ordinal).ThenBy(f => f.ToString(), StringComparer.Ordinal).ToList();
    }

    // Keys and indexes whose first columns are the foreign key's (in any order); usable means a plain B-tree without a predicate.
    private static IEnumerable<(string Name, bool Usable)> Leading(IEntityType entity, List<string> columns)
    {
        bool LeadsWith(IReadOnlyList<IProperty> properties)
            => properties.Count >= columns.Count && Columns(properties.Take(columns.Count).ToList()).Order(StringComparer.Ordinal).SequenceEqual(columns.Order(StringComparer.Ordinal));

        foreach (var key in entity.GetKeys().Where(k => LeadsWith(k.Properties)))
        {
            yield return (key.GetName() ?? "key", true);
        }

        foreach (var index in entity.GetIndexes().Where(i => LeadsWith(i.Properties)))
        {
            var method = index.GetMethod();
            yield return (index.GetDatabaseName() ?? index.Name ?? "index", index.GetFilter() is null && (method is null || method == "btree"));
        }
    }

    private static List<string> Columns(IReadOnlyList<IProperty> properties) => properties.Select(p => p.GetColumnName()).ToList();
}
