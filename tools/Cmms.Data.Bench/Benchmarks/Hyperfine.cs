using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Cmms.Data.Bench.Benchmarks;

/// <summary>
///     Whole-process timings with hyperfine (https://github.com/sharkdp/hyperfine), each command run without a shell and
///     given the connection string through <c>CMMS_DB_CONNECTION</c>, never on its command line.
/// </summary>
internal static class Hyperfine
{
    /// <summary>The installed version (<c>hyperfine 1.15.0</c>), or <see langword="null" /> when it is not installed.</summary>
    public static Task<string?> VersionAsync(CancellationToken cancellationToken) => ToolVersionAsync("hyperfine", ["--version"], cancellationToken);

    /// <summary>The version line a tool prints, or <see langword="null" /> when it does not run here.</summary>
    public static async Task<string?> ToolVersionAsync(string tool, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        try
        {
            var (exitCode, output, _) = await RunAsync(tool, arguments, connectionString: null, cancellationToken).ConfigureAwait(false);
            return exitCode == 0 ? output.Trim().Split('\n')[^1].Trim() : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // Not installed.
            return null;
        }
    }

    /// <summary>Times each command: the wall-clock milliseconds of every measured run, per command, in order.</summary>
    /// <exception cref="InvalidOperationException">hyperfine failed (a command exited non-zero, for one).</exception>
    public static async Task<IReadOnlyList<IReadOnlyList<double>>> TimeAsync(
        IReadOnlyList<string> commands,
        int warmup,
        int runs,
        string connectionString,
        CancellationToken cancellationToken)
    {
        var export = Path.Combine(Path.GetTempPath(), "cmms-bench-hyperfine-" + Guid.NewGuid().ToString("N") + ".json");
        try
        {
            var arguments = new List<string>
            {
                "--warmup", warmup.ToString(CultureInfo.InvariantCulture), "--runs", runs.ToString(CultureInfo.InvariantCulture),
                "--shell=none", "--style", "none", "--export-json", export,
            };
            arguments.AddRange(commands);
            var (exitCode, _, error) = await RunAsync("hyperfine", arguments, connectionString, cancellationToken).ConfigureAwait(false);
            if (exitCode != 0)
            {
                throw new InvalidOperationException($"hyperfine failed (exit code {exitCode}): {error.Trim()}");
            }

            using var json = JsonDocument.Parse(await File.ReadAllTextAsync(export, cancellationToken).ConfigureAwait(false));
            return json.RootElement.GetProperty("results").EnumerateArray()
                .Select(r => (IReadOnlyList<double>)r.GetProperty("times").EnumerateArray().Select(t => t.GetDouble() * 1000).ToList())
                .ToList();
        }
        finally
        {
            File.Delete(export);
        }
    }

    /// <summary>Runs a process to its end, with <c>CMMS_DB_CONNECTION</c> set when a connection string is given.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(
        string fileName,
        IEnumerable<string> arguments,
        string? connectionString,
        CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        if (connectionString is not null)
        {
            start.Environment[BenchEnvironment.ConnectionVariable] = connectionString;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        return (process.ExitCode, await output.ConfigureAwait(false), await error.ConfigureAwait(false));
    }
}
