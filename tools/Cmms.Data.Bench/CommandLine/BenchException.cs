namespace Cmms.Data.Bench.CommandLine;

/// <summary>A failure the user can fix (no server named, a scale too small to judge): printed as one line, exit code 2.</summary>
internal sealed class BenchException(string message) : Exception(message);
