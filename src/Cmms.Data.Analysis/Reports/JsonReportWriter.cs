using System.Text.Json;
using System.Text.Json.Serialization;
using Cmms.Data.Analysis.Findings;
using Cmms.Data.Analysis.Sql;

namespace Cmms.Data.Analysis.Reports;

/// <summary>
///     Writes the report as the stable JSON document of docs/analyze.md:
///     <c>{ "findings": [...], "summary": {...}, "tables": [...] }</c>. Properties are camelCase and always present
///     (null where not applicable); new properties may be added, none is renamed or removed without a new
///     <c>schemaVersion</c>.
/// </summary>
public static partial class JsonReportWriter
{
    /// <summary>The version of the JSON shape, in <c>summary.schemaVersion</c>.</summary>
    public const int SchemaVersion = 1;

    /// <summary>The report in this format, every database-derived name escaped for it.</summary>
    /// <param name="report">The report.</param>
    /// <returns>The rendered report.</returns>
    public static string Write(AnalysisReport report)
    {
        ArgumentNullException.ThrowIfNull(report);

        var summary = report.Summary;
        var document = new Document(
            // Names stay exact in table/index/coveredBy; detail is the one line a person reads, so it is escaped.
            report.Findings.Select(f => new FindingDto(f.Kind.Name(), f.Severity.Name(), f.Table, f.Index, f.CoveredBy, UnprintableText.Escape(f.Detail), f.Fix)).ToList(),
            new SummaryDto(
                SchemaVersion,
                summary.Engine,
                summary.Database,
                summary.ServerVersion,
                summary.Schemas,
                summary.Model,
                summary.StatisticsResetAt,
                summary.TableCount,
                summary.MaterializedViewCount,
                summary.IndexCount,
                summary.FindingCount,
                summary.BySeverity,
                summary.ByKind,
                summary.Notes),
            report.Tables);
        return JsonSerializer.Serialize(document, ReportJsonContext.Default.Document);
    }

    internal sealed record Document(IReadOnlyList<FindingDto> Findings, SummaryDto Summary, IReadOnlyList<TableReport> Tables);

    internal sealed record FindingDto(string Kind, string Severity, string? Table, string? Index, string? CoveredBy, string Detail, string Fix);

    internal sealed record SummaryDto(
        int SchemaVersion,
        string Engine,
        string Database,
        string ServerVersion,
        IReadOnlyList<string> Schemas,
        string Model,
        DateTimeOffset? StatisticsResetAt,
        int TableCount,
        int MaterializedViewCount,
        int IndexCount,
        int FindingCount,
        IReadOnlyDictionary<string, int> BySeverity,
        IReadOnlyDictionary<string, int> ByKind,
        IReadOnlyList<string> Notes);

    // Source-generated: no reflection at run time, which keeps a one-shot command's start-up short.
    [JsonSourceGenerationOptions(
        PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        WriteIndented = true)]
    [JsonSerializable(typeof(Document))]
    internal sealed partial class ReportJsonContext : JsonSerializerContext;
}
