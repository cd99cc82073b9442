using System.Globalization;
using System.Text;
using System.Text.Json;
using Cmms.Data.Analysis;
using Cmms.Data.Analysis.Findings;
using Cmms.Data.Analysis.Reports;
using Npgsql;

namespace Cmms.Data.Testing;

/// <summary>
///     Fails a test when a migrated database has schema findings: call it from an integration test of any framework
///     (xUnit, NUnit, MSTest, a console); it throws <see cref="SchemaAssertionException" />, which every framework
///     reports as a failure with the findings and their fixes in the message.
/// </summary>
/// <example>
///     <code>
///     await SchemaAssert.NoFindingsAsync(dataSource, FindingSeverity.Warning, [
///         new AllowedFinding(FindingKind.TableWithoutPrimaryKey, "public.audit_log", null, "append-only, read by time range"),
///     ]);
///     </code>
/// </example>
public static class SchemaAssert
{
    /// <summary>
    ///     Analyzes the database (read-only) and throws unless every finding at or above
    ///     <paramref name="minimumSeverity" /> is accepted by <paramref name="allow" />, every entry of
    ///     <paramref name="allow" /> matches a finding (of any severity), and, when <paramref name="options" /> names a
    ///     model, no migration of it is pending.
    /// </summary>
    /// <param name="dataSource">The database; not disposed.</param>
    /// <param name="minimumSeverity">The least severity that fails; <see cref="FindingSeverity.Warning" /> by default.</param>
    /// <param name="allow">The accepted findings, each with its reason; none by default.</param>
    /// <param name="options">What to analyze and the model to compare with; every user schema and no model by default.</param>
    /// <param name="cancellationToken">Cancels the analysis.</param>
    /// <exception cref="SchemaAssertionException">Findings not accepted, stale allow-list entries, or pending migrations.</exception>
    /// <exception cref="ArgumentException">An allow-list entry without a reason.</exception>
    public static async Task NoFindingsAsync(
        NpgsqlDataSource dataSource,
        FindingSeverity minimumSeverity = FindingSeverity.Warning,
        IEnumerable<AllowedFinding>? allow = null,
        AnalysisOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataSource);

        var entries = Validate(allow);
        var report = await new DatabaseAnalyzer(dataSource).AnalyzeAsync(options ?? new AnalysisOptions(), cancellationToken).ConfigureAwait(false);
        NoFindings(report, minimumSeverity, entries);
    }

    /// <summary>
    ///     <see cref="NoFindingsAsync(NpgsqlDataSource, FindingSeverity, IEnumerable{AllowedFinding}?, AnalysisOptions?, CancellationToken)" />
    ///     on a data source made from <paramref name="connectionString" /> for this call.
    /// </summary>
    /// <param name="connectionString">An Npgsql connection string.</param>
    /// <param name="minimumSeverity">The least severity that fails; <see cref="FindingSeverity.Warning" /> by default.</param>
    /// <param name="allow">The accepted findings, each with its reason; none by default.</param>
    /// <param name="options">What to analyze and the model to compare with; every user schema and no model by default.</param>
    /// <param name="cancellationToken">Cancels the analysis.</param>
    /// <exception cref="SchemaAssertionException">Findings not accepted, stale allow-list entries, or pending migrations.</exception>
    /// <exception cref="ArgumentException">An allow-list entry without a reason.</exception>
    public static async Task NoFindingsAsync(
        string connectionString,
        FindingSeverity minimumSeverity = FindingSeverity.Warning,
        IEnumerable<AllowedFinding>? allow = null,
        AnalysisOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);

        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await NoFindingsAsync(dataSource, minimumSeverity, allow, options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The same judgement on a report already made (by <see cref="DatabaseAnalyzer" />).</summary>
    /// <param name="report">The report.</param>
    /// <param name="minimumSeverity">The least severity that fails; <see cref="FindingSeverity.Warning" /> by default.</param>
    /// <param name="allow">The accepted findings, each with its reason; none by default.</param>
    /// <exception cref="SchemaAssertionException">Findings not accepted, stale allow-list entries, or pending migrations.</exception>
    /// <exception cref="ArgumentException">An allow-list entry without a reason.</exception>
    public static void NoFindings(AnalysisReport report, FindingSeverity minimumSeverity = FindingSeverity.Warning, IEnumerable<AllowedFinding>? allow = null)
    {
        ArgumentNullException.ThrowIfNull(report);

        var entries = Validate(allow);
        var failing = report.Findings.Where(f => f.Severity >= minimumSeverity && !entries.Any(e => e.Matches(f))).ToList();
        var stale = entries.Where(e => !report.Findings.Any(e.Matches)).ToList();
        if (failing.Count == 0 && stale.Count == 0 && report.PendingMigrations.Count == 0)
        {
            return;
        }

        throw new SchemaAssertionException(Message(report.PendingMigrations, failing, stale, minimumSeverity), failing, stale);
    }

    private static List<AllowedFinding> Validate(IEnumerable<AllowedFinding>? allow)
    {
        var entries = allow?.ToList() ?? [];
        foreach (var entry in entries)
        {
            ArgumentNullException.ThrowIfNull(entry, nameof(allow));
            if (string.IsNullOrWhiteSpace(entry.Reason) || string.IsNullOrWhiteSpace(entry.Table))
            {
                throw new ArgumentException(
                    $"The allow-list entry {Describe(entry)} needs a table and a reason: say why the finding is accepted.",
                    nameof(allow));
            }
        }

        return entries;
    }

    private static string Message(IReadOnlyList<string> pending, List<Finding> failing, List<AllowedFinding> stale, FindingSeverity minimumSeverity)
    {
        var message = new StringBuilder();
        if (pending.Count > 0)
        {
            message.AppendLine(CultureInfo.InvariantCulture, $"{Plural(pending.Count, "migration")} of the model pending: {string.Join(", ", pending.Select(Quote))}. Migrate the database before asserting on it.");
        }

        if (failing.Count > 0)
        {
            message.AppendLine(CultureInfo.InvariantCulture, $"{Plural(failing.Count, "finding")} at or above {minimumSeverity.Name()} that the allow-list does not accept:")
                .AppendLine()
                .Append(TextReportWriter.WriteFindings(failing));
        }

        if (stale.Count > 0)
        {
            message.AppendLine(CultureInfo.InvariantCulture, $"{Plural(stale.Count, "allow-list entry", "allow-list entries")} matching no finding (the finding is gone: remove the entry):");
            foreach (var entry in stale)
            {
                message.AppendLine(CultureInfo.InvariantCulture, $"    {Describe(entry)}");
            }
        }

        return message.ToString().TrimEnd();
    }

    // The allow-list's strings come from the test's code but stand for database names: JSON string quoting shows them
    // exactly, with any control or non-ASCII character escaped.
    private static string Describe(AllowedFinding entry)
        => $"{entry.Kind.Name()} {Quote(entry.Table)} {(entry.Index is null ? "*" : Quote(entry.Index))}, reason {Quote(entry.Reason)}";

    private static string Quote(string? text) => JsonSerializer.Serialize(text ?? string.Empty);

    private static string Plural(int count, string noun, string? plural = null) => count == 1 ? $"1 {noun}" : $"{count} {plural ?? noun + "s"}";
}
