using System.Diagnostics;
using System.Text;
using Cmms.Data.IntegrationTests.Infrastructure;

namespace Cmms.Data.IntegrationTests.Tool;

/// <summary>
///     A migrator as a real child process: cmms-db (<c>dotnet cmms-db.dll …</c>) or the efbundle, for tests that kill it or
///     run several at once.
/// </summary>
internal sealed class CmmsDbProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _error = new();
    private readonly Stopwatch _elapsed = Stopwatch.StartNew();

    private CmmsDbProcess(Process process) => _process = process;

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>What the process has written so far: standard output, then standard error.</summary>
    public string OutputSoFar => Snapshot(_output) + Snapshot(_error);

    /// <summary>Starts <c>dotnet cmms-db.dll</c> from the test output directory with <paramref name="args" />.</summary>
    public static CmmsDbProcess Start(params string[] args) => StartIn(workingDirectory: null, args);

    /// <summary>As <see cref="Start(string[])" />, with these environment variables set (CMMS_DB_CONNECTION among them).</summary>
    public static CmmsDbProcess Start(IReadOnlyDictionary<string, string> environment, params string[] args)
        => StartProgram("dotnet", [CmmsDbDll, .. args], workingDirectory: null, environment);

    /// <summary>
    ///     Starts <c>dotnet cmms-db.dll</c> with <paramref name="args" /> in <paramref name="workingDirectory" /> (where
    ///     it keeps its embedded server), or in this process's working directory when <see langword="null" />.
    /// </summary>
    public static CmmsDbProcess StartIn(string? workingDirectory, params string[] args)
        => StartProgram("dotnet", [CmmsDbDll, .. args], workingDirectory, new Dictionary<string, string>());

    /// <summary>Starts the efbundle at <paramref name="path" /> on <paramref name="connection" /> (its CMMS_DB_CONNECTION).</summary>
    public static CmmsDbProcess StartEfbundle(string path, string connection)
        => StartProgram(path, [], workingDirectory: null, new Dictionary<string, string> { ["CMMS_DB_CONNECTION"] = connection });

    private static string CmmsDbDll => Path.Combine(AppContext.BaseDirectory, "cmms-db.dll");

    private static CmmsDbProcess StartProgram(
        string program,
        IEnumerable<string> args,
        string? workingDirectory,
        IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? string.Empty,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Remove("CMMS_DB_CONNECTION");
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = new Process { StartInfo = start };
        var run = new CmmsDbProcess(process);
        process.OutputDataReceived += (_, e) => Append(run._output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(run._error, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.StandardInput.Close();
        return run;
    }

    /// <summary>Waits for the process to end (killing it after <paramref name="timeout" />) and returns what it did.</summary>
    public async Task<CmmsDbRun> WaitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            Kill();
            throw new TimeoutException($"{_process.StartInfo.FileName} did not end within {timeout}; stderr so far: {Snapshot(_error)}");
        }

        return Result();
    }

    /// <summary>Kills the process with SIGKILL, as an OOM killer or a cancelled pipeline would, and waits for it to end.</summary>
    public CmmsDbRun Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
        return Result();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    private CmmsDbRun Result()
    {
        _process.WaitForExit(); // drains the asynchronous output readers
        return new CmmsDbRun(_process.ExitCode, Snapshot(_output), Snapshot(_error), _elapsed.Elapsed);
    }

    private static void Append(StringBuilder buffer, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (buffer)
        {
            buffer.AppendLine(line);
        }
    }

    private static string Snapshot(StringBuilder buffer)
    {
        lock (buffer)
        {
            return buffer.ToString();
        }
    }
}
