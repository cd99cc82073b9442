using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace Cmms.Data.Conventions.Migrations.Linting.Rules;

/// <summary>A <c>timestamp without time zone</c> column.</summary>
internal sealed class PreferTimestamptzRule() : MigrationLintRule(
    "CMMS1010",
    "prefer-timestamptz",
    MigrationLintSeverity.Warning,
    "timestamp without time zone keeps no offset: the same instant reads differently per session time zone, and converting the "
    + "column later rewrites the table (unless the server time zone is UTC).",
    "Use timestamp with time zone (DateTime of Kind Utc or DateTimeOffset, Npgsql's default mapping).")
{
    public override IEnumerable<string> Check(MigrationOperation operation, LintScope scope)
        => ColumnDefinitions.Of(operation)
            .Where(c => ColumnTypes.IsNamed(c.ColumnType, "timestamp without time zone"))
            .Select(ColumnDefinitions.Describe);
}
