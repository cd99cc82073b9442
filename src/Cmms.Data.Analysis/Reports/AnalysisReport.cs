using Cmms.Data.Analysis.Findings;

namespace Cmms.Data.Analysis.Reports;

/// <summary>The result of <see cref="DatabaseAnalyzer.AnalyzeAsync" />: what every output format renders.</summary>
/// <param name="Findings">The findings, most severe first, then by kind, table and index.</param>
/// <param name="Summary">What was analyzed and how many findings of each severity and kind.</param>
/// <param name="Tables">Sizes, estimated rows and dead tuples of every analyzed table.</param>
public sealed record AnalysisReport(IReadOnlyList<Finding> Findings, AnalysisSummary Summary, IReadOnlyList<TableReport> Tables)
{
    /// <summary>Whether a finding at least as severe as <paramref name="threshold" /> exists.</summary>
    public bool HasFindingsAtOrAbove(FindingSeverity threshold) => Findings.Any(f => f.Severity >= threshold);

    /// <summary>
    ///     The ids of the compared model's migrations that <c>__EFMigrationsHistory</c> lacks, oldest first; empty when
    ///     no model was compared (<see cref="AnalysisOptions.ModelContext" />) or the history could not be read (the
    ///     summary's notes say so).
    /// </summary>
    public IReadOnlyList<string> PendingMigrations { get; init; } = [];
}

/// <summary>What was analyzed, and the findings counted.</summary>
/// <param name="Database">The database name.</param>
/// <param name="ServerVersion">The server version (PostgreSQL's, or the SQLite library's).</param>
/// <param name="Schemas">The analyzed schemas.</param>
/// <param name="Model">The model drift was checked against: <c>cmms</c> or <c>none</c>.</param>
/// <param name="StatisticsResetAt">When statistics were last reset (the evidence window of <c>unused_index</c>), if ever.</param>
/// <param name="TableCount">Tables (ordinary and partitioned) in the analyzed schemas, EF Core's migration history table not counted.</param>
/// <param name="MaterializedViewCount">Materialized views in the analyzed schemas.</param>
/// <param name="IndexCount">Indexes on those tables and materialized views (including those behind keys).</param>
/// <param name="BySeverity">Findings per severity name, every severity present.</param>
/// <param name="ByKind">Findings per kind name, every kind present.</param>
/// <param name="Notes">What could not be checked, and why.</param>
public sealed record AnalysisSummary(
    string Database,
    string ServerVersion,
    IReadOnlyList<string> Schemas,
    string Model,
    DateTimeOffset? StatisticsResetAt,
    int TableCount,
    int MaterializedViewCount,
    int IndexCount,
    IReadOnlyDictionary<string, int> BySeverity,
    IReadOnlyDictionary<string, int> ByKind,
    IReadOnlyList<string> Notes)
{
    /// <summary>
    ///     The database engine analyzed: <c>PostgreSQL</c>, or <c>SQLite</c> (whose catalog keeps no statistics, so the
    ///     statistics window is not part of the report).
    /// </summary>
    public string Engine { get; init; } = "PostgreSQL";

    /// <summary>All findings.</summary>
    public int FindingCount => BySeverity.Values.Sum();

    internal static IReadOnlyDictionary<string, int> CountBySeverity(IReadOnlyList<Finding> findings)
        => Enum.GetValues<FindingSeverity>().Reverse().ToDictionary(s => s.Name(), s => findings.Count(f => f.Severity == s), StringComparer.Ordinal);

    internal static IReadOnlyDictionary<string, int> CountByKind(IReadOnlyList<Finding> findings)
        => Enum.GetValues<FindingKind>().ToDictionary(k => k.Name(), k => findings.Count(f => f.Kind == k), StringComparer.Ordinal);
}

/// <summary>One table's size and tuple statistics.</summary>
/// <param name="Table">The schema-qualified name.</param>
/// <param name="Kind"><c>table</c>, <c>partitioned_table</c> or <c>materialized_view</c>.</param>
/// <param name="EstimatedRows">The planner's estimate (<c>pg_class.reltuples</c>), or <see langword="null" /> if never analyzed.</param>
/// <param name="TotalBytes">Table, TOAST and indexes.</param>
/// <param name="TableBytes">Table and TOAST.</param>
/// <param name="IndexBytes">All its indexes.</param>
/// <param name="IndexCount">Its indexes.</param>
/// <param name="LiveTuples">Live tuples per the statistics.</param>
/// <param name="DeadTuples">Dead tuples per the statistics (space vacuum has not reclaimed yet).</param>
/// <param name="DeadTupleRatio">Dead over live plus dead, or <see langword="null" /> when both are zero.</param>
public sealed record TableReport(
    string Table,
    string Kind,
    long? EstimatedRows,
    long TotalBytes,
    long TableBytes,
    long IndexBytes,
    int IndexCount,
    long LiveTuples,
    long DeadTuples,
    double? DeadTupleRatio);
