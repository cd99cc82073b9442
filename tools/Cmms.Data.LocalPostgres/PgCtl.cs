using System.Globalization;
using System.Text.RegularExpressions;

namespace Cmms.Data.LocalPostgres;

/// <summary>
/// Runs <c>initdb</c> and <c>pg_ctl</c> for one cluster as the server user, turning failures into
/// <see cref="LocalPostgresException"/>s that carry the end of the server log.
/// </summary>
internal sealed partial class PgCtl(PostgresBinaries binaries, ClusterLayout layout, ServerUser user)
{
    private static readonly TimeSpan InitDbTimeout = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan StatusTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Creates the data directory with superuser <c>postgres</c>, UTF8 and the C locale. With a
    /// <paramref name="passwordFile"/> (a persistent cluster), every connection must give the password in it
    /// (scram-sha-256, which also makes initdb set <c>password_encryption</c>); without one (a throwaway
    /// cluster for tests), every local connection is trusted.
    /// </summary>
    public async Task InitDbAsync(string? passwordFile, bool throwaway, CancellationToken cancellationToken)
    {
        List<string> command =
        [
            binaries.InitDb, "-D", layout.DataDirectory, "-U", LocalPostgresCluster.SuperUser, "-E", "UTF8", "--locale=C",
            .. passwordFile is null ? (string[])["-A", "trust"] : ["-A", "scram-sha-256", "--pwfile=" + passwordFile],
        ];
        if (throwaway)
        {
            command.Add("--no-sync");
        }

        var result = await RunAsync(command, InitDbTimeout, cancellationToken).ConfigureAwait(false);
        if (result.ExitCode != 0)
        {
            throw new LocalPostgresException(
                $"initdb failed for '{layout.DataDirectory}' (exit code {result.ExitCode}): {result.FirstMessageLine}");
        }
    }

    /// <summary>Starts the server and waits until it accepts connections.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var seconds = ((int)StartTimeout.TotalSeconds - 5).ToString(CultureInfo.InvariantCulture);
        var result = await RunAsync(
            [binaries.PgCtl, "-D", layout.DataDirectory, "-l", layout.LogFile, "-w", "-t", seconds, "-s", "start"],
            StartTimeout,
            cancellationToken).ConfigureAwait(false);
        if (result.ExitCode != 0)
        {
            throw LocalPostgresException.WithLogTail(
                $"PostgreSQL did not start in '{layout.DataDirectory}' (pg_ctl exit code {result.ExitCode}): {result.FirstMessageLine}",
                layout.LogFile);
        }
    }

    /// <summary>
    /// Stops the server: fast shutdown (disconnects clients, rolls back, checkpoints), then immediate
    /// shutdown if that does not finish in time; or straight away immediate shutdown (no checkpoint,
    /// for clusters about to be deleted). Returns quietly when the server is not running.
    /// </summary>
    public async Task StopAsync(bool immediately, CancellationToken cancellationToken)
    {
        if ((await StatusAsync(cancellationToken).ConfigureAwait(false)).State != LocalPostgresState.Running)
        {
            return;
        }

        if (!immediately)
        {
            var fast = await TryStopAsync("fast", cancellationToken).ConfigureAwait(false);
            if (fast.ExitCode == 0 || (await StatusAsync(cancellationToken).ConfigureAwait(false)).State != LocalPostgresState.Running)
            {
                return;
            }
        }

        var immediate = await TryStopAsync("immediate", cancellationToken).ConfigureAwait(false);
        if (immediate.ExitCode != 0 && (await StatusAsync(cancellationToken).ConfigureAwait(false)).State == LocalPostgresState.Running)
        {
            throw LocalPostgresException.WithLogTail(
                $"PostgreSQL in '{layout.DataDirectory}' did not stop (pg_ctl exit code {immediate.ExitCode}): {immediate.FirstMessageLine}",
                layout.LogFile);
        }
    }

    /// <summary>
    /// Restarts the running server with a fast shutdown (every session is ended with SQLSTATE 57P01, open transactions
    /// roll back, then a checkpoint) and waits until it accepts connections again, as an operator's
    /// <c>pg_ctl restart -m fast</c> does. https://www.postgresql.org/docs/15/app-pg-ctl.html
    /// </summary>
    public async Task RestartAsync(CancellationToken cancellationToken)
    {
        var seconds = ((int)StartTimeout.TotalSeconds - 5).ToString(CultureInfo.InvariantCulture);
        var result = await RunAsync(
            [binaries.PgCtl, "-D", layout.DataDirectory, "-l", layout.LogFile, "-m", "fast", "-w", "-t", seconds, "-s", "restart"],
            StartTimeout + StopTimeout,
            cancellationToken).ConfigureAwait(false);
        if (result.ExitCode != 0)
        {
            throw LocalPostgresException.WithLogTail(
                $"PostgreSQL did not restart in '{layout.DataDirectory}' (pg_ctl exit code {result.ExitCode}): {result.FirstMessageLine}",
                layout.LogFile);
        }
    }

    /// <summary>Asks <c>pg_ctl status</c> whether the server runs, and with which postmaster process id.</summary>
    public async Task<LocalPostgresStatus> StatusAsync(CancellationToken cancellationToken)
    {
        var port = ClusterSettings.ReadPort(layout);
        if (!layout.IsInitialized)
        {
            return new LocalPostgresStatus(LocalPostgresState.NotCreated, port, null, layout.DataDirectory);
        }

        var result = await RunAsync([binaries.PgCtl, "-D", layout.DataDirectory, "status"], StatusTimeout, cancellationToken)
            .ConfigureAwait(false);
        switch (result.ExitCode)
        {
            case 0:
                var match = PidPattern().Match(result.StandardOutput);
                int? pid = match.Success ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : null;
                return new LocalPostgresStatus(LocalPostgresState.Running, port, pid, layout.DataDirectory);
            case 3:
                return new LocalPostgresStatus(LocalPostgresState.Stopped, port, null, layout.DataDirectory);
            default:
                throw new LocalPostgresException(
                    $"pg_ctl status failed for '{layout.DataDirectory}' (exit code {result.ExitCode}): {result.FirstMessageLine}");
        }
    }

    private async Task<ProcessResult> TryStopAsync(string mode, CancellationToken cancellationToken)
    {
        var seconds = ((int)StopTimeout.TotalSeconds - 5).ToString(CultureInfo.InvariantCulture);
        try
        {
            return await RunAsync(
                [binaries.PgCtl, "-D", layout.DataDirectory, "-m", mode, "-w", "-t", seconds, "-s", "stop"],
                StopTimeout,
                cancellationToken).ConfigureAwait(false);
        }
        catch (LocalPostgresException e)
        {
            return new ProcessResult(-1, string.Empty, e.Message);
        }
    }

    /// <summary>Runs a server command as the server user, from a directory that user can enter.</summary>
    private Task<ProcessResult> RunAsync(IReadOnlyList<string> command, TimeSpan timeout, CancellationToken cancellationToken) =>
        ProcessRunner.RunAsync(user.Wrap(command), timeout, layout.RootDirectory, cancellationToken);

    [GeneratedRegex(@"PID:\s*(\d+)")]
    private static partial Regex PidPattern();
}
