using Cmms.Data.Analysis.Catalog;
using Cmms.Data.Analysis.Checks;
using Cmms.Data.Analysis.Findings;
using Cmms.Data.Analysis.Reports;
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

        var reader = new CatalogReader(_dataSource);
        var notes = new List<string>();
        var historyTask = options.ModelContext is null ? Task.FromResult(MigrationHistory.NotRead) : reader.ReadHistoryAsync(cancellationToken);
        var modelTask = CatalogJudge.ReadModelAsync(options, _ => historyTask, notes, cancellationToken);
        var catalog = await reader.ReadAsync(options.Schemas, cancellationToken).ConfigureAwait(false);
        var model = await modelTask.ConfigureAwait(false);
        var pending = CatalogJudge.PendingMigrations(model, await historyTask.ConfigureAwait(false), notes);

        var structural = CatalogJudge.StructuralFindings(catalog, model);
        // An index another finding drops, or names as the cover of one it drops, is never also reported unused:
        // applying both fixes would drop the cover too.
        var redundant = structural.Where(f => f.Kind is FindingKind.DuplicateIndex or FindingKind.RedundantIndex).ToList();
        var kept = redundant.Select(f => (f.Table!, f.Index!)).Concat(redundant.Select(f => (f.Table!, f.CoveredBy!))).ToHashSet();
        // An index rebuilt as a partial one keeps its name, so it is not also proposed for dropping as unused.
        var rebuilt = IndexShapeCheck.FindMostlyNull(catalog).Where(f => !kept.Contains((f.Table!, f.Index!))).ToList();
        kept.UnionWith(rebuilt.Select(f => (f.Table!, f.Index!)));
        var findings = IndexUsageCheck.FindInvalid(catalog)
            .Concat(structural)
            .Concat(TableCheck.FindTablesWithoutPrimaryKey(catalog))
            .Concat(TableCheck.FindNotValidConstraints(catalog))
            .Concat(SequenceCheck.Run(catalog, notes))
            .Concat(BloatCheck.Run(catalog, notes))
            .Concat(IndexUsageCheck.FindUnused(catalog, kept))
            .Concat(rebuilt)
            .Concat(HealthChecks.Run(catalog, kept, options, notes));
        return CatalogJudge.Report(catalog, findings, model, options, notes) with { PendingMigrations = pending };
    }
}
