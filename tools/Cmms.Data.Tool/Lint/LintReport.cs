using System.Text.Json.Serialization;
using Cmms.Data.Conventions.Migrations.Linting;

namespace Cmms.Data.Tool.Lint;

/// <summary>What <c>cmms-db lint</c> looked at and found, as it renders it.</summary>
/// <param name="Target">What was linted, in words (e.g. "2 pending migrations of 'cmms'").</param>
/// <param name="Result">The library's result.</param>
internal sealed record LintReport(string Target, [property: JsonIgnore] MigrationLintResult Result)
{
    /// <summary>The migrations (or the script) linted.</summary>
    public IReadOnlyList<string> Sources => Result.Sources;

    /// <summary>The findings, acknowledged ones included.</summary>
    public IReadOnlyList<MigrationLintFinding> Findings => Result.Findings;

    public int Acknowledged => Result.Acknowledged;

    public string Headline
        => $"{Result.Count(MigrationLintSeverity.Error)} error(s), {Result.Count(MigrationLintSeverity.Warning)} warning(s), {Acknowledged} acknowledged in {Target}";
}
