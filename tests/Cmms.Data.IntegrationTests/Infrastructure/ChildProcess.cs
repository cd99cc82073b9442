using System.Diagnostics;

namespace Cmms.Data.IntegrationTests.Infrastructure;

/// <summary>Runs a program to completion, capturing standard output and error, and kills its process tree if it overruns.</summary>
internal static class ChildProcess
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(5);

    /// <summary>Runs <paramref name="program" /> and returns its exit code and standard output followed by standard error.</summary>
    /// <exception cref="TimeoutException">It did not exit within <paramref name="timeout" /> (default 5 minutes); it and its children were killed.</exception>
    public static async Task<(int ExitCode, string Output)> RunAsync(
        string program,
        IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string>? environment = null,
        string? workingDirectory = null,
        TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory ?? string.Empty,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        var limit = timeout ?? DefaultTimeout;
        using var deadline = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            throw new TimeoutException(
                $"{CommandLine(start)} did not exit within {limit}; it and its children were killed. Its output:{Environment.NewLine}{await stdout}{await stderr}");
        }

        return (process.ExitCode, await stdout + await stderr);
    }

    private static string CommandLine(ProcessStartInfo start)
        => string.Join(' ', start.ArgumentList.Prepend(start.FileName).Select(a => a.Contains(' ', StringComparison.Ordinal) ? $"\"{a}\"" : a));
}
