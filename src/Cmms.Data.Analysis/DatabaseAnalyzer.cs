using System.Text.Json;
using Cmms.Data.Analysis.Catalog;
using Cmms.Data.Analysis.Checks;
using Cmms.Data.Analysis.Findings;
using Cmms.Data.Analysis.Model;
using Cmms.Data.Analysis.Reports;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Cmms.Data.Analysis;

/// <summary>
///     Judges a live PostgreSQL database's indexes, keys, constraints and sequences with the rules of the Cmms.Data
///     conventions, read-only: every check runs on one catalog snapshot read in a <c>READ ONLY</c> transaction.
/// </summary>
/// <param name="dataSource">The database to analyze; the analyzer opens its connections from it and never disposes it.</param>
public sealed class DatabaseAnalyzer(NpgsqlDataSource dataSource)
{
    private readonly NpgsqlDataSource _dataSource = dataSource ?? throw new ArgumentNullException(nameof(dataSource));

    /// <summary>Reads the catalog, runs every check and returns the findings, most severe first, each with its fix.</summary>
    /// <param name="options">The schemas and the model to compare with.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <exception cref="AnalysisException">A requested schema does not exist.</exception>
    public async Task<AnalysisReport> AnalyzeAsync(AnalysisOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);

        // Building the EF Core model is the one CPU-heavy step; it runs while the server answers the catalog queries.
        var reader = new CatalogReader(_dataSource);
        var notes = new List<string>();
        var modelTask = MigratedModel.ReadAsync(reader, options.ModelContext, options.ModelCheck, ExpectedSchemaReader.Read, cancellationToken);
        var catalog = await reader.ReadAsync(options.Schemas, cancellationToken).ConfigureAwait(false);
        var (model, historyUnreadable) = await modelTask.ConfigureAwait(false);
        if (historyUnreadable)
        {
            notes.Add("__EFMigrationsHistory exists but this role may not read it, so the model drift check did not run: run it with ModelCheck.Always (cmms-db analyze --model cmms).");
        }

        var redundant = IntentionalRedundancy.Apply(RedundancyCheck.Run(catalog), model).ToList();
        // An index another finding drops, or names as the cover of one it drops, is never also reported unused:
        // applying both fixes would drop the cover too.
        var kept = redundant.Select(f => (f.Table!, f.Index!)).Concat(redundant.Select(f => (f.Table!, f.CoveredBy!))).ToHashSet();
        var findings = IndexUsageCheck.FindInvalid(catalog)
            .Concat(redundant)
            .Concat(ForeignKeyCheck.Run(catalog))
            .Concat(model is null ? [] : ModelDriftCheck.Run(catalog, model))
            .Concat(TableCheck.FindTablesWithoutPrimaryKey(catalog))
            .Concat(TableCheck.FindNotValidConstraints(catalog))
            .Concat(SequenceCheck.Run(catalog, notes))
            .Concat(BloatCheck.Run(catalog, notes))
            .Concat(IndexUsageCheck.FindUnused(catalog, kept))
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
            catalog.Tables.Count,
            catalog.Indexes.Count,
            AnalysisSummary.CountBySeverity(findings),
            AnalysisSummary.CountByKind(findings),
            notes);
        return new AnalysisReport(findings, summary, TableReports(catalog));
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
