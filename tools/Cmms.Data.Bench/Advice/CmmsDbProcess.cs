using System.Diagnostics;

namespace Cmms.Data.Bench.Advice;

/// <summary>Runs the cmms-db executable as its own process, as a person runs it, and returns its output.</summary>
internal static class CmmsDbProcess
{
    public static async Task<string> RunAsync(FileInfo cmmsDb, CancellationToken cancellationToken, params string[] arguments)
    {
        var start = new ProcessStartInfo(cmmsDb.FullName) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{cmmsDb.FullName} did not start.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        return process.ExitCode == 0
            ? await output.ConfigureAwait(false)
            : throw new InvalidOperationException($"cmms-db {arguments[0]} exited with {process.ExitCode}: {(await error.ConfigureAwait(false)).Trim()}");
    }
}
