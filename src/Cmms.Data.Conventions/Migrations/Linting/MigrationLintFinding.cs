namespace Cmms.Data.Conventions.Migrations.Linting;

/// <summary>One operation of a migration (or statement of a script) that a lint rule reports.</summary>
/// <param name="RuleId">The rule's id, e.g. <c>CMMS1002</c>; what <c>Acknowledge(...)</c> names.</param>
/// <param name="RuleName">The rule's short name, e.g. <c>rename-column</c>.</param>
/// <param name="Severity">The rule's severity.</param>
/// <param name="Source">The migration id, or the script's name.</param>
/// <param name="Subject">What in particular fired the rule, e.g. <c>readings.value: integer → bigint</c>.</param>
/// <param name="Why">Why the operation is dangerous on a busy table.</param>
/// <param name="SafeWay">How to make the change safely.</param>
/// <param name="AcknowledgedReason">The reason a reviewer gave when acknowledging it in the migration, or null.</param>
public sealed record MigrationLintFinding(
    string RuleId,
    string RuleName,
    MigrationLintSeverity Severity,
    string Source,
    string Subject,
    string Why,
    string SafeWay,
    string? AcknowledgedReason)
{
    /// <summary>Whether a reviewer acknowledged the finding in the migration, so gates let it pass.</summary>
    public bool IsAcknowledged => AcknowledgedReason is not null;
}
