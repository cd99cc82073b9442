namespace Cmms.Data.Conventions.Migrations.Linting;

/// <summary>A lint rule as documentation and reports show it.</summary>
/// <param name="Id">The rule's id, e.g. <c>CMMS1002</c>.</param>
/// <param name="Name">The rule's short name.</param>
/// <param name="Severity">Its severity.</param>
/// <param name="Why">Why the operation is dangerous.</param>
/// <param name="SafeWay">The safe way.</param>
public sealed record MigrationLintRuleDescription(string Id, string Name, MigrationLintSeverity Severity, string Why, string SafeWay);
