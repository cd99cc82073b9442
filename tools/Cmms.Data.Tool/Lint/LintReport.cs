using Cmms.Data.Conventions.Migrations.Linting;

namespace Cmms.Data.Tool.Lint;

/// <summary>What <c>cmms-db lint</c> looked at and found.</summary>
/// <param name="Target">What was linted, in words (e.g. "2 pending migrations of 'cmms'").</param>
/// <param name="Sources">The migrations (or the script) linted.</param>
/// <param name="Findings">The findings, acknowledged ones included.</param>
internal sealed record LintReport(string Target, IReadOnlyList<string> Sources, IReadOnlyList<MigrationLintFinding> Findings)
{
    public int Count(MigrationLintSeverity severity) => Findings.Count(f => !f.IsAcknowledged && f.Severity == severity);

    public int Acknowledged => Findings.Count(f => f.IsAcknowledged);

    /// <summary>Whether an unacknowledged finding of <paramref name="threshold" /> or worse exists.</summary>
    public bool HasFindingsAtOrAbove(MigrationLintSeverity threshold) => Findings.Any(f => !f.IsAcknowledged && f.Severity >= threshold);

    public string Headline
        => $"{Count(MigrationLintSeverity.Error)} error(s), {Count(MigrationLintSeverity.Warning)} warning(s), {Acknowledged} acknowledged in {Target}";
}
