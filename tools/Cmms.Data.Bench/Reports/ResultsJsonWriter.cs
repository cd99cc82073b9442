using System.Text.Json;
using Cmms.Data.CommandLine;
using Cmms.Data.Bench.CommandLine;
using Cmms.Data.Bench.Benchmarks;

namespace Cmms.Data.Bench.Reports;

/// <summary>
///     Writes <c>results.json</c>: the whole <see cref="BenchResults" /> in camelCase, with at least <c>scale</c>,
///     <c>machine</c> (<c>cores</c>, <c>memoryBytes</c>, <c>postgresVersion</c>), <c>queries[]</c> and <c>targets[]</c>
///     (<c>name</c>, <c>target</c>, <c>measured</c>, <c>holds</c>).
/// </summary>
internal static class ResultsJsonWriter
{
    public const string FileName = "results.json";

    public static string Serialize(BenchResults results) => JsonSerializer.Serialize(results, CliJson.File);
}
