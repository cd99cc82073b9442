using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;

namespace Cmms.Data.LocalPostgres;

/// <summary>
/// A detached shell loop that removes a throwaway cluster once the process that owns it is gone,
/// even if that process was killed with SIGKILL and never ran its cleanup. It runs in its own
/// session (<c>setsid</c>), so signals sent to the owner's process group do not reach it. Every
/// second it checks that the owner lives and the cluster directory exists; when the owner is gone
/// it stops the server (immediate mode, then SIGKILL of the postmaster if needed) and deletes the
/// directory. When the directory disappears first (a normal dispose), it simply exits.
/// </summary>
internal sealed class ThrowawayWatchdog : IDisposable
{
    // $1 owner pid, $2 root, $3 data directory, $4 pg_ctl, $5 external socket directory or "", $6.. run-as prefix.
    private const string Script = """
        exec </dev/null >/dev/null 2>&1
        owner=$1 root=$2 data=$3 pgctl=$4 socketdir=$5
        shift 5
        while kill -0 "$owner" 2>/dev/null && [ -d "$root" ]; do sleep 1; done
        [ -d "$root" ] || exit 0
        if [ -f "$data/postmaster.pid" ]; then
          "$@" "$pgctl" -D "$data" -m immediate -w -t 20 -s stop ||
            { pid=$(head -n 1 "$data/postmaster.pid") && kill -KILL "$pid"; sleep 1; }
        fi
        rm -rf -- "$root"
        [ -z "$socketdir" ] || rm -rf -- "$socketdir"
        """;

    private readonly Process _process;

    private ThrowawayWatchdog(Process process) => _process = process;

    /// <summary>The watchdog's process id.</summary>
    public int ProcessId => _process.Id;

    /// <summary>Starts a watchdog that cleans up <paramref name="layout"/> when <paramref name="ownerProcessId"/> exits.</summary>
    /// <exception cref="LocalPostgresException"><c>setsid</c> or <c>bash</c> could not be started.</exception>
    public static ThrowawayWatchdog Start(int ownerProcessId, ClusterLayout layout, PostgresBinaries binaries, ServerUser user)
    {
        var startInfo = new ProcessStartInfo("setsid")
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = "/",
        };
        string[] arguments =
        [
            "bash", "-c", Script, "cmms-pg-watchdog",
            ownerProcessId.ToString(CultureInfo.InvariantCulture),
            layout.RootDirectory,
            layout.DataDirectory,
            binaries.PgCtl,
            layout.HasExternalSocketDirectory ? layout.SocketDirectory : string.Empty,
            .. user.CommandPrefix,
        ];
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        try
        {
            var process = Process.Start(startInfo)
                ?? throw new LocalPostgresException("Could not start the throwaway cluster watchdog (setsid bash).");
            process.StandardInput.Close();
            return new ThrowawayWatchdog(process);
        }
        catch (Win32Exception e)
        {
            throw new LocalPostgresException($"Could not start the throwaway cluster watchdog (setsid bash): {e.Message}", e);
        }
    }

    /// <summary>Ends the watchdog (after a normal cleanup it would exit by itself within a second).</summary>
    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill();
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        catch (Win32Exception)
        {
            // Already gone.
        }

        _process.Dispose();
    }
}
