using System.Text.Json;
using Cmms.Data.Tool.Analysis.Catalog;
using Cmms.Data.Tool.Analysis.Checks;
using Cmms.Data.Tool.Analysis.Findings;
using Cmms.Data.Tool.Analysis.Model;
using Cmms.Data.Tool.Analysis.Report;

namespace Cmms.Data.Tool.Analysis;

/// <summary>
///     Runs every check on one read-only catalog snapshot and assembles the report.
/// </summary>
internal static class Analyzer
{
    public static async Task<AnalysisReport> AnalyzeAsync(string connectionString, AnalyzeSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);

        // Building the EF Core model is the one CPU-heavy step; it runs while the server answers the catalog queries.
        await using var reader = new CatalogReader(connectionString);
        var notes = new List<string>();
        var modelTask = settings.Model switch
        {
            ModelChoice.Cmms => Task.Run(() => (CmmsModel?)CmmsModelReader.Read(connectionString), cancellationToken),
            ModelChoice.None => Task.FromResult<CmmsModel?>(null),
            _ => ModelFromHistoryAsync(reader, connectionString, notes, cancellationToken),
        };
        var catalog = await reader.ReadAsync(settings.Schemas, cancellationToken).ConfigureAwait(false);
        var model = await modelTask.ConfigureAwait(false);

        var redundant = RedundancyCheck.Run(catalog).ToList();
        var proposedDrops = redundant.Select(f => (f.Table!, f.Index!)).ToHashSet();
        var findings = IndexUsageCheck.FindInvalid(catalog)
            .Concat(redundant)
            .Concat(ForeignKeyCheck.Run(catalog))
            .Concat(model is null ? [] : ModelDriftCheck.Run(catalog, model))
            .Concat(TableCheck.FindTablesWithoutPrimaryKey(catalog))
            .Concat(TableCheck.FindNotValidConstraints(catalog))
            .Concat(SequenceCheck.Run(catalog, notes))
            .Concat(BloatCheck.Run(catalog, notes))
            .Concat(IndexUsageCheck.FindUnused(catalog, proposedDrops))
            .OrderByDescending(f => f.Severity)
            .ThenBy(f => f.Kind)
            .ThenBy(f => f.Table, StringComparer.Ordinal)
            .ThenBy(f => f.Index, StringComparer.Ordinal)
            .ToList();

        var facts = catalog.Facts;
        var summary = new AnalysisSummary(
            facts.Database,
            facts.ServerVersion,
            facts.Schemas,
            model is null ? "none" : "cmms",
            facts.StatisticsResetAt,
            catalog.Tables.Count,
            catalog.Indexes.Count,
            AnalysisSummary.CountBySeverity(findings),
            AnalysisSummary.CountByKind(findings),
            notes);
        return new AnalysisReport(findings, summary, TableReports(catalog));
    }

    // Without --model: the Cmms.Data model when the history holds at least one of its migrations.
    private static async Task<CmmsModel?> ModelFromHistoryAsync(
        CatalogReader reader,
        string connectionString,
        List<string> notes,
        CancellationToken cancellationToken)
    {
        var history = await reader.ReadHistoryAsync(cancellationToken).ConfigureAwait(false);
        if (history is { Exists: true, IsReadable: false })
        {
            notes.Add("__EFMigrationsHistory exists but this role may not read it, so the model drift check did not run: pass --model cmms to run it.");
            return null;
        }

        if (history.MigrationIds.Count == 0)
        {
            return null;
        }

        var model = await Task.Run(() => CmmsModelReader.Read(connectionString), cancellationToken).ConfigureAwait(false);
        return history.MigrationIds.Intersect(model.MigrationIds, StringComparer.Ordinal).Any() ? model : null;
    }

    private static List<TableReport> TableReports(CatalogSnapshot catalog)
    {
        var indexes = catalog.Indexes.ToLookup(i => i.QualifiedTable, StringComparer.Ordinal);
        return catalog.Tables.Select(table => Report(table, indexes[table.QualifiedName].ToList())).ToList();
    }

    private static TableReport Report(CatalogTable table, List<CatalogIndex> indexes)
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
