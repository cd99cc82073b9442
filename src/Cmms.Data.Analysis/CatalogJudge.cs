using System.Text.Json;
using Cmms.Data.Analysis.Catalog;
using Cmms.Data.Analysis.Checks;
using Cmms.Data.Analysis.Findings;
using Cmms.Data.Analysis.Model;
using Cmms.Data.Analysis.Reports;
using Microsoft.EntityFrameworkCore;

namespace Cmms.Data.Analysis;

/// <summary>
///     What every analyzer shares once its engine's catalog is read into a <see cref="CatalogSnapshot" />: the model to
///     compare with, the checks that need no statistics (the one rule engine's redundancy and foreign key judgements,
///     model drift), and the report. <see cref="DatabaseAnalyzer" /> adds PostgreSQL's own checks;
///     <see cref="Sqlite.SqliteAnalyzer" /> SQLite's.
/// </summary>
internal static class CatalogJudge
{
    /// <summary>
    ///     The model <paramref name="options" /> asks to compare with, or <see langword="null" />: with
    ///     <see cref="ModelCheck.WhenMigrated" />, only when the history <paramref name="readHistory" /> reads holds one of its migrations.
    ///     Building the model is the one CPU-heavy step; started before the catalog is read, it runs meanwhile.
    /// </summary>
    public static async Task<ExpectedSchema?> ReadModelAsync(
        AnalysisOptions options,
        Func<CancellationToken, Task<MigrationHistory>> readHistory,
        List<string> notes,
        CancellationToken cancellationToken)
    {
        var (model, historyUnreadable) = await MigratedModel
            .ReadAsync(readHistory, options.ModelContext, options.ModelCheck, ExpectedSchemaReader.Read, cancellationToken)
            .ConfigureAwait(false);
        if (historyUnreadable)
        {
            notes.Add($"{SchemaObjectCounts.HistoryTableName} exists but this role may not read it, so the model drift check did not run: run it with ModelCheck.Always (cmms-db analyze --model cmms).");
        }

        return model;
    }

    /// <summary>The kinds of finding <see cref="StructuralFindings" /> reports.</summary>
    public static readonly IReadOnlyList<FindingKind> StructuralKinds = [.. RedundancyCheck.Kinds, .. ForeignKeyCheck.Kinds, .. ModelDriftCheck.Kinds];

    /// <summary>
    ///     Redundant indexes (those the model keeps on purpose at info), foreign keys without a usable index, and drift
    ///     from <paramref name="model" />: the checks any catalog supports.
    /// </summary>
    public static List<Finding> StructuralFindings(CatalogSnapshot catalog, ExpectedSchema? model)
        => IntentionalRedundancy.Apply(RedundancyCheck.Run(catalog), model)
            .Concat(ForeignKeyCheck.Run(catalog))
            .Concat(model is null ? [] : ModelDriftCheck.Run(catalog, model))
            .ToList();

    /// <summary>The findings ordered (most severe first), the baseline applied, counted and summed up with the tables.</summary>
    public static AnalysisReport Report(
        CatalogSnapshot catalog,
        IEnumerable<Finding> found,
        ExpectedSchema? model,
        AnalysisOptions options,
        List<string> notes)
    {
        var findings = found
            .OrderByDescending(f => f.Severity)
            .ThenBy(f => f.Kind)
            .ThenBy(f => f.Table, StringComparer.Ordinal)
            .ThenBy(f => f.Index, StringComparer.Ordinal)
            .ToList();
        if (options.Baseline is { } baseline)
        {
            var accepted = findings.RemoveAll(baseline.Accepts);
            notes.Add($"{accepted} finding(s) left out: accepted in the baseline.");
        }

        var facts = catalog.Facts;
        var summary = new AnalysisSummary(
            facts.Database,
            facts.ServerVersion,
            facts.Schemas,
            model is null ? "none" : options.ModelName,
            facts.StatisticsResetAt,
            // SchemaObjectCounts: the counts every cmms-db output uses.
            catalog.Tables.Count(t => t.Kind != RelationKind.MaterializedView && SchemaObjectCounts.IsCounted(t.Name)),
            catalog.Tables.Count(t => t.Kind == RelationKind.MaterializedView && SchemaObjectCounts.IsCounted(t.Name)),
            catalog.Indexes.Count(i => SchemaObjectCounts.IsCounted(i.TableName)),
            AnalysisSummary.CountBySeverity(findings),
            AnalysisSummary.CountByKind(findings),
            notes)
        {
            Engine = catalog.Fixes.Engine,
        };
        return new AnalysisReport(findings, summary, TableReports(catalog));
    }

    /// <summary>The model's migrations the history lacks; none when no model was compared or the history could not be read.</summary>
    public static List<string> PendingMigrations(ExpectedSchema? model, MigrationHistory history, List<string> notes)
    {
        if (model is null)
        {
            return [];
        }

        if (history is { Exists: true, IsReadable: false })
        {
            notes.Add($"{SchemaObjectCounts.HistoryTableName} exists but this role may not read it, so pending migrations are unknown.");
            return [];
        }

        return model.MigrationIds.Except(history.MigrationIds, StringComparer.Ordinal).ToList();
    }

    private static List<TableReport> TableReports(CatalogSnapshot catalog)
    {
        var indexes = catalog.Indexes.ToLookup(i => i.QualifiedTable, StringComparer.Ordinal);
        return catalog.Tables.Select(table => TableReport(table, indexes[table.QualifiedName].ToList())).ToList();
    }

    private static TableReport TableReport(CatalogTable table, List<CatalogIndex> indexes)
    {
        var indexBytes = indexes.Sum(i => i.SizeBytes);
        var tuples = table.LiveTuples + table.DeadTuples;
        return new TableReport(
            table.QualifiedName,
            JsonNamingPolicy.SnakeCaseLower.ConvertName(table.Kind.ToString()),
            table.EstimatedRows < 0 ? null : (long)table.EstimatedRows,
            table.TableBytes + indexBytes,
            table.TableBytes,
            indexBytes,
            indexes.Count,
            table.LiveTuples,
            table.DeadTuples,
            tuples == 0 ? null : (double)table.DeadTuples / tuples);
    }
}
