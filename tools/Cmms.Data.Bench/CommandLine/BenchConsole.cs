namespace Cmms.Data.Bench.CommandLine;

/// <summary>Where cmms-bench writes: data (tables, JSON, the summary) to <paramref name="Out" />, progress to <paramref name="Error" />.</summary>
internal sealed record BenchConsole(TextWriter Out, TextWriter Error);
