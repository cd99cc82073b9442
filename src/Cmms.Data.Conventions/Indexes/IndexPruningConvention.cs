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
///     serves an index of its own, named in a second step (<see cref="ForeignKeyIndexNaming" />) by the naming
///     convention in use. Records what it left out for <c>GetPrunedIndexes()</c>.
/// </summary>
internal sealed class IndexPruningConvention(
    RedundantIndexAction action,
    IndexCapabilities capabilities,
    IndexConventionsLogger log) : IModelFinalizingConvention, IModelFinalizedConvention
{
    // A convention set is built for one model, so these hold that model's finalization only.
    private readonly List<PrunedIndex> _pruned = [];
    private readonly List<ForeignKeyIndex> _foreignKeyIndexes = [];

    /// <summary>
    ///     The second step, to run right after this convention among the model-finalizing conventions: EF Core runs each
    ///     in a batch of its own, and the naming conventions name the foreign key indexes this one adds when its batch ends.
    /// </summary>
    public IModelFinalizingConvention ForeignKeyIndexNaming => field ??= new ForeignKeyIndexNamingStep(this);

    public void ProcessModelFinalizing(IConventionModelBuilder modelBuilder, IConventionContext<IConventionModelBuilder> context)
    {
        var tables = ModelTable.ReadAll(modelBuilder.Metadata, capabilities);
        foreach (var table in tables)
        {
            WarnUnsupportedFeatures(table);
        }

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
            _pruned.AddRange(RemoveRedundant(table, redundantIndexes));
            LogAllowedRedundant(table);
            IndexForeignKeys(table);
        }
    }

    // Runtime annotations can only be added once the model is read-only; they never reach a model snapshot.
    public IModel ProcessModelFinalized(IModel model)
    {
        model.SetRuntimeAnnotation(
            CmmsAnnotationNames.PrunedIndexes,
            _pruned.OrderBy(p => p.Table, StringComparer.Ordinal).ThenBy(p => p.Name, StringComparer.Ordinal).ToList());
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

    // Before the rules run, so that the warning stands beside any removal it causes (an index whose only difference
    // was INCLUDE is a duplicate on SQLite).
    private void WarnUnsupportedFeatures(ModelTable table)
    {
        foreach (var definition in table.Definitions.Where(d => !d.IsConstraint))
        {
            foreach (var (feature, declared) in capabilities.UnsupportedFeaturesOf(table.IndexOf(definition), table.StoreObject))
            {
                log.UnsupportedIndexFeature(definition.Name, table.DisplayName, feature, declared, capabilities.Provider);
            }
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

    // Each foreign key that no key serves gets an index now, so that the naming conventions in use (EFCore.NamingConventions,
    // say) name it when this convention's batch ends; ForeignKeyIndexNaming then settles the names. An index that a
    // declared index already serves is created too, only to learn its name, and removed there.
    private void IndexForeignKeys(ModelTable table)
    {
        foreach (var entityType in table.EntityTypes)
        {
            foreach (var foreignKey in entityType.GetDeclaredForeignKeys())
            {
                var columns = table.ColumnsOf(foreignKey.Properties);
                var serving = IndexRedundancyRules.FindForeignKeyIndex(table.Definitions, columns);
                if (serving is { IsConstraint: true })
                {
                    // A key serves it: EF Core would not have created an index either, so nothing was pruned.
                    continue;
                }

                // A model name of its own: HasIndex with a taken name would return that other index.
                var created = entityType.Builder.HasIndex(
                    foreignKey.Properties,
                    UniqueName($"IX_{table.StoreObject.Name}_{string.Join("_", columns)}", int.MaxValue, table.HasModelIndexNamed),
                    fromDataAnnotation: false);
                if (created is null)
                {
                    continue;
                }

                _foreignKeyIndexes.Add(new ForeignKeyIndex(
                    created.Metadata, table.StoreObject, foreignKey.GetConstraintName() ?? string.Join("_", columns), columns, serving));
                if (serving is null)
                {
                    // It serves any other foreign key on the same columns.
                    table.Remember(created.Metadata);
                }
            }
        }
    }

    private void NameForeignKeyIndexes(IConventionModel model)
    {
        var tables = ModelTable.ReadAll(model, capabilities).ToDictionary(t => t.StoreObject);
        var maxLength = model.GetMaxIdentifierLength();

        // Unneeded indexes go first, so they never hold a name an index that stays needs.
        var unneeded = _foreignKeyIndexes.Where(f => f.ServedBy is not null).ToList();
        var names = unneeded.ToDictionary(f => f, f => ConventionalDatabaseName(f.Index));
        foreach (var foreignKeyIndex in unneeded)
        {
            foreignKeyIndex.Index.DeclaringEntityType.RemoveIndex(foreignKeyIndex.Index);
            tables[foreignKeyIndex.Table].Forget(foreignKeyIndex.Index);
        }

        foreach (var foreignKeyIndex in _foreignKeyIndexes.Where(f => f.ServedBy is null))
        {
            var table = tables[foreignKeyIndex.Table];
            var conventional = ConventionalDatabaseName(foreignKeyIndex.Index);
            var name = UniqueName(conventional, maxLength, n => table.HasDatabaseIndexNamed(n, except: foreignKeyIndex.Index));
            if (name != conventional)
            {
                foreignKeyIndex.Index.Builder.HasDatabaseName(name);
                table.Forget(foreignKeyIndex.Index);
                table.Remember(foreignKeyIndex.Index);
            }

            log.ForeignKeyIndexCreated(name, table.DisplayName, foreignKeyIndex.ConstraintName, foreignKeyIndex.Columns);
        }

        foreach (var foreignKeyIndex in unneeded)
        {
            var table = tables[foreignKeyIndex.Table];
            var serving = foreignKeyIndex.ServedBy!;
            log.ForeignKeyIndexCovered(foreignKeyIndex.ConstraintName, table.DisplayName, foreignKeyIndex.Columns, serving.Name);

            // A declared index on exactly the foreign key's columns is its index: EF Core would not have created
            // another, so nothing was pruned. Only a longer index makes one unnecessary.
            if (serving.KeyColumns.Count > foreignKeyIndex.Columns.Count)
            {
                _pruned.Add(new PrunedIndex(
                    UniqueName(names[foreignKeyIndex], maxLength, n => table.HasDatabaseIndexNamed(n)),
                    table.DisplayName,
                    foreignKeyIndex.Columns,
                    PrunedIndexReason.ForeignKeyCovered,
                    serving.Name));
            }
        }

        _foreignKeyIndexes.Clear();
    }

    // What the naming conventions made of the index's name, or EF Core's default (IX_table_columns) without one.
    private static string ConventionalDatabaseName(IConventionIndex index)
        => (index.GetDatabaseNameConfigurationSource() is null ? index.GetDefaultDatabaseName() : index.GetDatabaseName())
            ?? index.Name!;

    // A declared index may already carry the name (a partial index, say): suffix a number, within the identifier limit.
    private static string UniqueName(string baseName, int maxLength, Func<string, bool> isTaken)
    {
        var name = Truncate(baseName, maxLength);
        for (var suffix = 1; isTaken(name); suffix++)
        {
            var tail = suffix.ToString(System.Globalization.CultureInfo.InvariantCulture);
            name = Truncate(baseName, maxLength - tail.Length) + tail;
        }

        return name;
    }

    private static string Truncate(string name, int maxLength) => name.Length <= maxLength ? name : name[..maxLength];

    /// <summary>A foreign key's index, created at the first step and named (or removed again) at the second.</summary>
    private sealed record ForeignKeyIndex(
        IConventionIndex Index,
        StoreObjectIdentifier Table,
        string ConstraintName,
        IReadOnlyList<string> Columns,
        IndexDefinition? ServedBy);

    /// <summary>The second step, in a convention batch of its own so that the first step's new indexes are named.</summary>
    private sealed class ForeignKeyIndexNamingStep(IndexPruningConvention owner) : IModelFinalizingConvention
    {
        public void ProcessModelFinalizing(IConventionModelBuilder modelBuilder, IConventionContext<IConventionModelBuilder> context)
            => owner.NameForeignKeyIndexes(modelBuilder.Metadata);
    }
}
