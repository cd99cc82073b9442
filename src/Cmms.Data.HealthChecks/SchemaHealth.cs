using Cmms.Data.Analysis.Findings;
using Cmms.Data.Analysis.Reports;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Cmms.Data.HealthChecks;

/// <summary>
///     Turns an analysis report into a health result: the worst status among the pending migrations and the reported
///     findings, a description that counts them, and the findings themselves in the data.
/// </summary>
internal static class SchemaHealth
{
    /// <summary>The data key of the pending migration ids (<see cref="IReadOnlyList{T}" /> of string).</summary>
    public const string PendingMigrationsKey = "pending_migrations";

    /// <summary>The data key of the reported findings (<see cref="IReadOnlyList{T}" /> of <see cref="Finding" />).</summary>
    public const string FindingsKey = "findings";

    public static HealthCheckResult Judge(AnalysisReport report, CmmsDataSchemaHealthCheckOptions options)
    {
        var findings = report.Findings.Where(f => options.FindingStatuses.ContainsKey(f.Kind)).ToList();
        var pending = report.PendingMigrations;
        var statuses = findings.Select(f => options.FindingStatuses[f.Kind]).ToList();
        if (pending.Count > 0)
        {
            statuses.Add(options.PendingMigrationStatus);
        }

        // HealthStatus orders Unhealthy < Degraded < Healthy.
        var status = statuses.DefaultIfEmpty(HealthStatus.Healthy).Min();
        var data = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            [PendingMigrationsKey] = pending,
            [FindingsKey] = findings,
        };
        return new HealthCheckResult(status, Describe(pending.Count, findings, options), data: data);
    }

    // Counts and kind names only: the description reaches logs, and names from the database stay in the data.
    private static string Describe(int pending, List<Finding> findings, CmmsDataSchemaHealthCheckOptions options)
    {
        var parts = new List<string>();
        if (pending > 0)
        {
            parts.Add(pending == 1 ? "1 pending migration" : $"{pending} pending migrations");
        }

        parts.AddRange(findings
            .GroupBy(f => f.Kind)
            .OrderBy(g => options.FindingStatuses[g.Key])
            .ThenBy(g => g.Key)
            .Select(g => $"{g.Count()} {g.Key.Name()} ({options.FindingStatuses[g.Key].ToString().ToLowerInvariant()})"));
        return parts.Count == 0
            ? "The schema has no pending migration and none of the checked findings."
            : $"The schema has {string.Join(", ", parts)}.";
    }
}
