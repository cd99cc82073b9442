namespace Cmms.Data.LocalPostgres;

/// <summary>
/// The OS user that runs <c>initdb</c>, <c>pg_ctl</c> and the server. PostgreSQL refuses to run as
/// root, so when the current process is root every server command is wrapped in
/// <c>runuser -u postgres --</c> and the cluster directory is given to that user.
/// </summary>
internal sealed class ServerUser
{
    /// <summary>The OS account used when the current process is root.</summary>
    public const string PostgresAccount = "postgres";

    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(60);

    private ServerUser(string? runAs) => RunAs = runAs;

    /// <summary>The account commands are switched to, or <see langword="null"/> to run them as the current user.</summary>
    public string? RunAs { get; }

    /// <summary>The server user for this process: <c>postgres</c> when running as root, else the current user.</summary>
    public static ServerUser Current { get; } = new(Environment.IsPrivilegedProcess ? PostgresAccount : null);

    /// <summary>The prefix that runs a command as the server user (empty when no switch is needed).</summary>
    public IReadOnlyList<string> CommandPrefix => RunAs is null ? [] : ["runuser", "-u", RunAs, "--"];

    /// <summary>Prefixes <paramref name="command"/> so it runs as the server user.</summary>
    public IReadOnlyList<string> Wrap(IReadOnlyList<string> command) => [.. CommandPrefix, .. command];

    /// <summary>
    /// Makes <paramref name="directory"/> (recursively) owned by the server user and checks that
    /// the user can reach and write it. Does nothing when no user switch is needed.
    /// </summary>
    /// <exception cref="LocalPostgresException">The account is missing, or cannot reach the directory.</exception>
    public async Task TakeOwnershipAsync(string directory, CancellationToken cancellationToken)
    {
        if (RunAs is null)
        {
            return;
        }

        var id = await ProcessRunner.RunAsync(["id", "-u", RunAs], CommandTimeout, null, cancellationToken).ConfigureAwait(false);
        if (id.ExitCode != 0)
        {
            throw new LocalPostgresException(
                $"Running as root, but there is no '{RunAs}' OS user to run PostgreSQL as. "
                + $"Create it (useradd --system {RunAs}) or run as a non-root user.");
        }

        var chown = await ProcessRunner.RunAsync(["chown", "-R", RunAs + ":", directory], CommandTimeout, null, cancellationToken).ConfigureAwait(false);
        if (chown.ExitCode != 0)
        {
            throw new LocalPostgresException($"Could not give '{directory}' to the '{RunAs}' OS user: {chown.FirstMessageLine}");
        }

        // The server user needs execute permission on every parent directory to reach its data.
        var probe = await ProcessRunner.RunAsync(Wrap(["test", "-w", directory, "-a", "-x", directory]), CommandTimeout, null, cancellationToken)
            .ConfigureAwait(false);
        if (probe.ExitCode != 0)
        {
            throw new LocalPostgresException(
                $"The '{RunAs}' OS user cannot reach '{directory}': make its parent directories traversable "
                + "(chmod o+x on each) or put the cluster elsewhere.");
        }
    }
}
