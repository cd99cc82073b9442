using System.Text.Json;
using Cmms.Data.Tool.CommandLine;

namespace Cmms.Data.IntegrationTests.Analysis;

/// <summary>One in-process run of <c>cmms-db</c>: exit code, standard output and standard error.</summary>
internal sealed record AnalyzeRun(int ExitCode, string Output, string Error)
{
    /// <summary>Runs cmms-db with <paramref name="args" /> exactly as the executable would.</summary>
    public static async Task<AnalyzeRun> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await CmmsDbApp.RunAsync(args, new ToolConsole(output, error, IsTerminal: false));
        return new AnalyzeRun(exitCode, output.ToString(), error.ToString());
    }

    /// <summary>Runs <c>cmms-db analyze --format json</c> on a database (and optional schemas) and parses the report.</summary>
    public static async Task<AnalyzeRun> JsonAsync(string connectionString, params string[] options)
    {
        var run = await RunAsync(["analyze", "--connection", connectionString, "--format", "json", .. options]);
        run.Output.Should().StartWith("{", $"analyze should write its report; stderr: {run.Error}");
        return run;
    }

    public JsonElement Json => JsonDocument.Parse(Output).RootElement;

    /// <summary>The findings of a JSON run.</summary>
    public IReadOnlyList<ReportedFinding> Findings
        => Json.GetProperty("findings").EnumerateArray()
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

    /// <summary>The identity of every finding but <c>unused_index</c>, which depends on the statistics window.</summary>
    public IReadOnlyList<FindingKey> StructuralKeys => Keys("unused_index");

    /// <summary>Every finding but <c>unused_index</c>.</summary>
    public IReadOnlyList<ReportedFinding> StructuralFindings => Findings.Where(f => f.Kind != "unused_index").ToList();
}

/// <summary>A finding as the JSON report states it.</summary>
internal sealed record ReportedFinding(string Kind, string Severity, string? Table, string? Index, string? CoveredBy, string Detail, string Fix)
{
    public FindingKey Key => new(Kind, Table, Index, CoveredBy);
}

/// <summary>What identifies a finding in assertions: kind, table, index and the index that covers it.</summary>
internal sealed record FindingKey(string Kind, string? Table, string? Index = null, string? CoveredBy = null);
