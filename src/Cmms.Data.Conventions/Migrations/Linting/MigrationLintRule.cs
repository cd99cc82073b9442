using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace Cmms.Data.Conventions.Migrations.Linting;

/// <summary>
///     One lint rule: its id, name, severity, why the operation is dangerous and the safe way. A rule looks at EF Core
///     operations, at raw SQL statements, or both; each match is described by a short subject.
/// </summary>
internal abstract class MigrationLintRule(string id, string name, MigrationLintSeverity severity, string why, string safeWay)
{
    public string Id { get; } = id;

    public string Name { get; } = name;

    public MigrationLintSeverity Severity { get; } = severity;

    public string Why { get; } = why;

    public string SafeWay { get; } = safeWay;

    public virtual IEnumerable<string> Check(MigrationOperation operation, LintScope scope) => [];

    public virtual IEnumerable<string> Check(SqlStatement statement, LintScope scope) => [];
}
