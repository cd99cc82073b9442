using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace Cmms.Data.Conventions.Migrations.Linting.Rules;

/// <summary>A <c>json</c> column (Squawk: prefer-jsonb).</summary>
internal sealed class PreferJsonbRule() : MigrationLintRule(
    "CMMS1009",
    "prefer-jsonb",
    MigrationLintSeverity.Warning,
    "json stores the text as written: it cannot be indexed with GIN, has no equality operator (DISTINCT, GROUP BY and UNION fail) "
    + "and is reparsed on every access; moving to jsonb later rewrites the table.",
    "Use jsonb (Npgsql maps JsonDocument and owned JSON types to jsonb by default).")
{
    public override IEnumerable<string> Check(MigrationOperation operation, LintScope scope)
        => ColumnDefinitions.Of(operation).Where(c => ColumnTypes.IsNamed(c.ColumnType, "json")).Select(ColumnDefinitions.Describe);
}
