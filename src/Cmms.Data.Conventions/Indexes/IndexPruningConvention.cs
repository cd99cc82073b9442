using Cmms.Data.Conventions.Diagnostics.Internal;
using Cmms.Data.Conventions.Metadata;
using Cmms.Data.Conventions.Rules;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;

namespace Cmms.Data.Conventions.Indexes;

/// <summary>
///     At model finalization, when filters, methods and sort orders are final: removes declared indexes that
///     <see cref="IndexRedundancyRules" /> finds redundant, then gives every foreign key that no key or usable index
///     serves an index of its own. Records what it left out for <c>GetPrunedIndexes()</c>.
/// </summary>
internal sealed class IndexPruningConvention(
    RedundantIndexAction action,
    IndexConventionsLogger log,
    Func<string, string> rewriteName) : IModelFinalizingConvention, IModelFinalizedConvention
{

    // A convention set is built for one model, so this holds the result of that model's finalization only.
    private IReadOnlyList<PrunedIndex> _pruned = [];

    public void ProcessModelFinalizing(IConventionModelBuilder modelBuilder, IConventionContext<IConventionModelBuilder> context)
    {
        var model = modelBuilder.Metadata;
        var tables = ModelTable.ReadAll(model);
        var pruned = new List<PrunedIndex>();

        var redundant = tables.Select(t => (Table: t, Redundant: IndexRedundancyRules.FindRedundant(t.Definitions))).ToList();
        if (action == RedundantIndexAction.Throw && redundant.SelectMany(r => r.Redundant).ToList() is { Count: > 0 } all)
        {
            throw new InvalidOperationException(
                $"The model declares {all.Count} redundant index(es), and redundant indexes are set to Throw:"
                + string.Concat(all.Select(r => $"{Environment.NewLine}  {r.Index.Name} on {r.Index.Table}: "
                    + $"{IndexConventionsLogger.Describe(r.Reason)} '{r.CoveredBy.Name}'")));
        }

        foreach (var (table, redundantIndexes) in redundant)
        {
            pruned.AddRange(RemoveRedundant(table, redundantIndexes));
            LogAllowedRedundant(table);
            pruned.AddRange(IndexForeignKeys(table, model.GetMaxIdentifierLength()));
        }

        _pruned = pruned.OrderBy(p => p.Table, StringComparer.Ordinal).ThenBy(p => p.Name, StringComparer.Ordinal).ToList();
    }

    // Runtime annotations can only be added once the model is read-only; they never reach a model snapshot.
    public IModel ProcessModelFinalized(IModel model)
    {
        model.SetRuntimeAnnotation(CmmsAnnotationNames.PrunedIndexes, _pruned);
        return model;
    }

    private IEnumerable<PrunedIndex> RemoveRedundant(ModelTable table, IReadOnlyList<RedundantIndex> redundantIndexes)
    {
        foreach (var redundant in redundantIndexes)
        {
            if (action == RedundantIndexAction.Warn && redundant.Index.IsDeclared)
            {
                log.RedundantIndexKept(redundant);
                continue;
            }

            var index = table.IndexOf(redundant.Index);
            index.DeclaringEntityType.RemoveIndex(index);
            table.Forget(redundant.Index);
            log.RedundantIndexRemoved(redundant);
            yield return new PrunedIndex(
                redundant.Index.Name,
                table.DisplayName,
                redundant.Index.KeyColumns.Select(c => c.Name).ToList(),
                redundant.Reason,
                redundant.CoveredBy.Name);
        }
    }

    private void LogAllowedRedundant(ModelTable table)
    {
        var definitions = table.Definitions.ToList();
        foreach (var index in definitions.Where(d => d.AllowRedundant))
        {
            foreach (var cover in definitions)
            {
                if (IndexRedundancyRules.Covers(cover, index) is { } reason)
                {
                    log.RedundantIndexAllowed(index, cover, reason);
                    break;
                }
            }
        }
    }

    private IEnumerable<PrunedIndex> IndexForeignKeys(ModelTable table, int maxNameLength)
    {
        foreach (var entityType in table.EntityTypes)
        {
            foreach (var foreignKey in entityType.GetDeclaredForeignKeys())
            {
                var columns = table.ColumnsOf(foreignKey.Properties);
                var constraint = foreignKey.GetConstraintName() ?? string.Join("_", columns);
                var serving = IndexRedundancyRules.FindForeignKeyIndex(table.Definitions, columns);
                if (serving is { IsConstraint: true })
                {
                    // A key serves it: EF Core would not have created an index either, so nothing was pruned.
                    continue;
                }

                var name = DefaultIndexName(table, columns, maxNameLength);
                if (serving is not null)
                {
                    log.ForeignKeyIndexCovered(constraint, table.DisplayName, columns, serving.Name);

                    // A declared index on exactly the foreign key's columns is its index: EF Core would not have
                    // created another, so nothing was pruned. Only a longer index makes one unnecessary.
                    if (serving.KeyColumns.Count > columns.Count)
                    {
                        yield return new PrunedIndex(name, table.DisplayName, columns, PrunedIndexReason.ForeignKeyCovered, serving.Name);
                    }

                    continue;
                }

                // A named index: an unnamed HasIndex on the same properties would return a declared (maybe partial) one.
                var created = entityType.Builder.HasIndex(foreignKey.Properties, name, fromDataAnnotation: false);
                if (created is not null)
                {
                    table.Remember(created.Metadata);
                    log.ForeignKeyIndexCreated(name, table.DisplayName, constraint, columns);
                }
            }
        }
    }

    // EF Core's default name, made unique on the table: a declared index may already carry it (a partial index,
    // say), and HasIndex with a taken name would return that index instead of creating the foreign key's.
    private string DefaultIndexName(ModelTable table, IReadOnlyList<string> columns, int maxLength)
    {
        var baseName = rewriteName($"IX_{table.StoreObject.Name}_{string.Join("_", columns)}");
        var name = Truncate(baseName, maxLength);
        for (var suffix = 1; table.HasIndexNamed(name); suffix++)
        {
            var tail = suffix.ToString(System.Globalization.CultureInfo.InvariantCulture);
            name = Truncate(baseName, maxLength - tail.Length) + tail;
        }

        return name;
    }

    private static string Truncate(string name, int maxLength) => name.Length <= maxLength ? name : name[..maxLength];
}
