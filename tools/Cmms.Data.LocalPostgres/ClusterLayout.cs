using System.Security.Cryptography;
using System.Text;

namespace Cmms.Data.LocalPostgres;

/// <summary>
/// The files of one local cluster, all under a root directory:
/// <c>ROOT/data</c> (the data directory), <c>ROOT/postgres.log</c> (the server log) and the Unix
/// socket, which lives in <c>ROOT</c> unless that path is too long for a socket address.
/// </summary>
internal sealed class ClusterLayout
{
    /// <summary>
    /// sockaddr_un.sun_path holds 108 bytes on Linux including the terminating NUL,
    /// so a socket path may have at most 107 bytes.
    /// </summary>
    internal const int MaxSocketPathBytes = 107;

    /// <summary>The longest socket file name PostgreSQL can use (port 65535).</summary>
    private const string LongestSocketFileName = "/.s.PGSQL.65535";

    public ClusterLayout(string rootDirectory)
    {
        RootDirectory = Path.TrimEndingDirectorySeparator(Path.GetFullPath(rootDirectory));
        DataDirectory = Path.Combine(RootDirectory, "data");
        LogFile = Path.Combine(RootDirectory, "postgres.log");
        SocketDirectory = ChooseSocketDirectory(RootDirectory);
    }

    /// <summary>The directory that holds everything else.</summary>
    public string RootDirectory { get; }

    /// <summary>The PostgreSQL data directory (<c>PGDATA</c>).</summary>
    public string DataDirectory { get; }

    /// <summary>The server log written by <c>pg_ctl -l</c>.</summary>
    public string LogFile { get; }

    /// <summary>Where the server puts its Unix socket: the root, or a short directory under <c>/tmp</c>.</summary>
    public string SocketDirectory { get; }

    /// <summary>Whether the socket directory lies outside the root (and so must be created and cleaned separately).</summary>
    public bool HasExternalSocketDirectory => SocketDirectory != RootDirectory;

    /// <summary>Our settings file inside the data directory, included from <c>postgresql.conf</c>.</summary>
    public string SettingsFile => Path.Combine(DataDirectory, ClusterSettings.FileName);

    /// <summary>Whether <c>initdb</c> has completed here (PostgreSQL writes <c>PG_VERSION</c>).</summary>
    public bool IsInitialized => File.Exists(Path.Combine(DataDirectory, "PG_VERSION"));

    /// <summary>
    /// The root when a socket path inside it fits the limit; otherwise <c>/tmp/cmms-pg-HASH</c>,
    /// derived from the root path so a persistent cluster gets the same directory every time.
    /// </summary>
    private static string ChooseSocketDirectory(string root)
    {
        if (Encoding.UTF8.GetByteCount(root + LongestSocketFileName) <= MaxSocketPathBytes)
        {
            return root;
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(root));
        return "/tmp/cmms-pg-" + Convert.ToHexStringLower(hash.AsSpan(0, 6));
    }

    /// <summary>
    /// Recreates an external socket directory (one under <c>/tmp</c> may have been cleaned since the
    /// last start), private to the server user.
    /// </summary>
    public async Task EnsureSocketDirectoryAsync(ServerUser user, CancellationToken cancellationToken)
    {
        if (!HasExternalSocketDirectory || Directory.Exists(SocketDirectory))
        {
            return;
        }

        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(SocketDirectory);
        }
        else
        {
            Directory.CreateDirectory(SocketDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        await user.TakeOwnershipAsync(SocketDirectory, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes the root directory and an external socket directory, ignoring what cannot be deleted.</summary>
    public void DeleteAll()
    {
        foreach (var directory in new[] { RootDirectory, HasExternalSocketDirectory ? SocketDirectory : null })
        {
            try
            {
                if (directory is not null && Directory.Exists(directory))
                {
                    Directory.Delete(directory, recursive: true);
                }
            }
            catch (IOException)
            {
                // A throwaway cluster's watchdog removes what is left once the owning process ends.
            }
            catch (UnauthorizedAccessException)
            {
                // As above.
            }
        }
    }
}
