using System.ComponentModel;
using System.Diagnostics;

namespace Cmms.Data.LocalPostgres;

/// <summary>
/// Runs external commands asynchronously with a timeout, capturing their output.
/// Every await uses <c>ConfigureAwait(false)</c>, so blocking on the returned task
/// (from an xunit fixture constructor, say) cannot deadlock.
/// </summary>
internal static class ProcessRunner
{
    private static readonly TimeSpan OutputGracePeriod = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Runs <paramref name="command"/> (the executable followed by its arguments) and returns its result.
    /// A non-zero exit code is returned, not thrown; a timeout kills the process tree and throws.
    /// </summary>
    /// <exception cref="LocalPostgresException">The command could not be started or timed out.</exception>
    public static async Task<ProcessResult> RunAsync(
        IReadOnlyList<string> command,
        TimeSpan timeout,
        string? workingDirectory = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfZero(command.Count);
        var startInfo = new ProcessStartInfo(command[0])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? string.Empty,
        };
        foreach (var argument in command.Skip(1))
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = new Process { StartInfo = startInfo };
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            throw new LocalPostgresException($"Could not run {command[0]}: {e.Message}", e);
        }

        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);

        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(timeoutSource.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            KillQuietly(process);
            cancellationToken.ThrowIfCancellationRequested();
            throw new LocalPostgresException(
                $"{Describe(command)} did not finish within {timeout.TotalSeconds:0} s and was killed.");
        }

        // A grandchild that inherited the pipes (a server started without a log file, say) would keep
        // them open forever: give the readers a short grace period, then report what is known.
        var outputs = Task.WhenAll(stdout, stderr);
        var finished = await Task.WhenAny(outputs, Task.Delay(OutputGracePeriod, CancellationToken.None)).ConfigureAwait(false);
        return finished == outputs
            ? new ProcessResult(process.ExitCode, stdout.Result, stderr.Result)
            : new ProcessResult(process.ExitCode, string.Empty, $"{Describe(command)} exited but left its output open.");
    }

    /// <summary>Synchronous wrapper for quick commands such as <c>pg_ctl --version</c>.</summary>
    public static ProcessResult Run(IReadOnlyList<string> command, TimeSpan timeout) =>
        RunAsync(command, timeout).GetAwaiter().GetResult();

    /// <summary>A short human-readable form of a command: the executable name and its first argument.</summary>
    public static string Describe(IReadOnlyList<string> command)
    {
        var program = command.FirstOrDefault(part => part.Contains('/', StringComparison.Ordinal)) ?? command[0];
        return Path.GetFileName(program);
    }

    private static void KillQuietly(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
        catch (Win32Exception)
        {
            // Not ours to kill any more.
        }
    }
}
