using Cmms.Data.IntegrationTests.Infrastructure;

namespace Cmms.Data.IntegrationTests.Analysis;

/// <summary>The findings of a <c>cmms-db analyze --format json</c> run, parsed from its <see cref="CmmsDbRun" /> result.</summary>
internal sealed record AnalyzeRun(CmmsDbRun Result)
{
    /// <summary>Runs <c>cmms-db analyze --format json</c> on a database (and optional schemas) and parses the report.</summary>
    public static async Task<AnalyzeRun> JsonAsync(string connectionString, params string[] options)
    {
        var run = await CmmsDbRun.InProcessAsync(["analyze", "--connection", connectionString, "--format", "json", .. options]);
        run.Output.Should().StartWith("{", $"analyze should write its report; stderr: {run.Error}");
        return new AnalyzeRun(run);
    }

    /// <summary>The findings of a JSON run.</summary>
    public IReadOnlyList<ReportedFinding> Findings
        => Result.Json.GetProperty("findings").EnumerateArray()
            .Select(f => new ReportedFinding(
                f.GetProperty("kind").GetString()!,
                f.GetProperty("severity").GetString()!,
                f.GetProperty("table").GetString(),
                f.GetProperty("index").GetString(),
                f.GetProperty("coveredBy").GetString(),
                f.GetProperty("detail").GetString()!,
                f.GetProperty("fix").GetString()!))
            .ToList();

    /// <summary>The identity of every finding (kind, table, index, cover), leaving out the kinds that depend on statistics timing.</summary>
    public IReadOnlyList<FindingKey> Keys(params string[] exceptKinds)
        => Findings.Where(f => !exceptKinds.Contains(f.Kind)).Select(f => f.Key).ToList();

    /// <summary>
    ///     Design advice at info that ordinary test schemas draw (a serial key, its integer type, a free-standing
    ///     sequence) and whose fix is advice, not a statement: left out of <see cref="StructuralKeys" />.
    /// </summary>
    public static readonly string[] DesignAdviceKinds = ["serial_column", "integer_primary_key", "sequence_not_owned"];

    /// <summary>The identity of every finding but <c>unused_index</c>, which depends on the statistics window, and <see cref="DesignAdviceKinds" />.</summary>
    public IReadOnlyList<FindingKey> StructuralKeys => Keys(["unused_index", .. DesignAdviceKinds]);

    /// <summary>Every finding but <c>unused_index</c> and <see cref="DesignAdviceKinds" />.</summary>
    public IReadOnlyList<ReportedFinding> StructuralFindings => Findings.Where(f => f.Kind != "unused_index" && !DesignAdviceKinds.Contains(f.Kind)).ToList();
}

/// <summary>A finding as the JSON report states it.</summary>
internal sealed record ReportedFinding(string Kind, string Severity, string? Table, string? Index, string? CoveredBy, string Detail, string Fix)
{
    public FindingKey Key => new(Kind, Table, Index, CoveredBy);
}

/// <summary>What identifies a finding in assertions: kind, table, index and the index that covers it.</summary>
internal sealed record FindingKey(string Kind, string? Table, string? Index = null, string? CoveredBy = null);
