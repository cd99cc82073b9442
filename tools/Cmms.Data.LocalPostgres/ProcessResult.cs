namespace Cmms.Data.LocalPostgres;

/// <summary>The outcome of one finished external command.</summary>
/// <param name="ExitCode">The process exit code.</param>
/// <param name="StandardOutput">Everything written to standard output.</param>
/// <param name="StandardError">Everything written to standard error.</param>
internal sealed record ProcessResult(int ExitCode, string StandardOutput, string StandardError)
{
    /// <summary>The first non-empty line of standard error, else of standard output, else an empty string.</summary>
    public string FirstMessageLine =>
        FirstLine(StandardError) ?? FirstLine(StandardOutput) ?? string.Empty;

    private static string? FirstLine(string text) =>
        text.Split('\n').Select(line => line.Trim()).FirstOrDefault(line => line.Length > 0);
}
