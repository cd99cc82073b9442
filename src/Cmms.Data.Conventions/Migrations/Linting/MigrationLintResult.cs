namespace Cmms.Data.Conventions.Migrations.Linting;

/// <summary>What a lint run looked at and what it found, and whether a CI gate lets it pass.</summary>
/// <param name="Sources">The migrations (oldest first) or the script that were linted.</param>
/// <param name="Findings">The findings, acknowledged ones included.</param>
public sealed record MigrationLintResult(IReadOnlyList<string> Sources, IReadOnlyList<MigrationLintFinding> Findings)
{
    /// <summary>How many findings nobody acknowledged have exactly this severity.</summary>
    /// <param name="severity">The severity.</param>
    /// <returns>The count.</returns>
    public int Count(MigrationLintSeverity severity) => Findings.Count(f => !f.IsAcknowledged && f.Severity == severity);

    /// <summary>How many findings a reviewer acknowledged in the migration (or script).</summary>
    public int Acknowledged => Findings.Count(f => f.IsAcknowledged);

    /// <summary>
    ///     Whether a gate at <paramref name="threshold" /> fails: some finding nobody acknowledged is that severe or worse
    ///     (<c>cmms-db lint --fail-on</c>). Acknowledged findings never fail a gate: that is what acknowledging is for.
    /// </summary>
    /// <param name="threshold">The least severity that fails the gate.</param>
    /// <returns>True when the gate fails.</returns>
    public bool FailsGate(MigrationLintSeverity threshold) => Findings.Any(f => !f.IsAcknowledged && f.Severity >= threshold);
}
