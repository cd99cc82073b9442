using System.Diagnostics;

namespace Cmms.Data.AdviseBench;

/// <summary>Runs cmms-db as its own process (<c>dotnet cmms-db.dll …</c>), as a person runs it, and returns its output.</summary>
internal static class CmmsDbProcess
{
    public static async Task<string> RunAsync(string cmmsDbDll, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(cmmsDbDll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().ConfigureAwait(false);
        return process.ExitCode == 0
            ? await output.ConfigureAwait(false)
            : throw new InvalidOperationException($"cmms-db {arguments[0]} exited with {process.ExitCode}: {await error.ConfigureAwait(false)}");
    }
}
