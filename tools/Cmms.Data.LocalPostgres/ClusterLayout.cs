using System.Security.Cryptography;
using System.Text;

namespace Cmms.Data.LocalPostgres;

/// <summary>
/// The files of one local cluster, all under a root directory private to its owner (mode 0700):
/// <c>ROOT/data</c> (the data directory), <c>ROOT/postgres.log</c> (the server log),
/// <c>ROOT/password</c> (a persistent cluster's superuser password, mode 0600), <c>ROOT/cluster.lock</c>
/// (held while the cluster is created, started or stopped) and the Unix socket, which lives in
/// <c>ROOT</c> unless that path is too long for a socket address.
/// </summary>
internal sealed class ClusterLayout
{
    /// <summary>
    /// sockaddr_un.sun_path holds 108 bytes on Linux including the terminating NUL,
    /// so a socket path may have at most 107 bytes.
    /// </summary>
    internal const int MaxSocketPathBytes = 107;

    /// <summary>Read, write and search for the owner, nothing for anyone else (0700).</summary>
    internal const UnixFileMode OwnerOnlyDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

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

    /// <summary>The superuser password of a persistent cluster, one line, readable by its owner only.</summary>
    public string PasswordFile => Path.Combine(RootDirectory, "password");

    /// <summary>The file locked (<c>flock</c>) by whoever creates, starts or stops the cluster.</summary>
    public string LockFile => Path.Combine(RootDirectory, "cluster.lock");

    /// <summary>The server's client authentication file (<c>pg_hba.conf</c>), where <c>initdb</c> puts it.</summary>
    public string HbaFile => Path.Combine(DataDirectory, "pg_hba.conf");

    /// <summary>Where the server puts its Unix socket: the root, or a short directory under <c>/tmp</c>.</summary>
    public string SocketDirectory { get; }

    /// <summary>Whether the socket directory lies outside the root (and so must be created and cleaned separately).</summary>
    public bool HasExternalSocketDirectory => SocketDirectory != RootDirectory;

    /// <summary>Our settings file inside the data directory, included from <c>postgresql.conf</c>.</summary>
    public string SettingsFile => Path.Combine(DataDirectory, ClusterSettings.FileName);

    /// <summary>Whether <c>initdb</c> has completed here (PostgreSQL writes <c>PG_VERSION</c>).</summary>
    public bool IsInitialized => File.Exists(Path.Combine(DataDirectory, "PG_VERSION"));

    /// <summary>
    /// Creates the root directory if needed and makes it private to its owner (0700), so that
    /// neither the password file nor the Unix socket in it can be reached by other OS users. Its
    /// parent keeps the default mode: the server user must be able to traverse it.
    /// </summary>
    public void CreatePrivateRootDirectory()
    {
        var parent = Path.GetDirectoryName(RootDirectory);
        if (parent is not null)
        {
            Directory.CreateDirectory(parent);
        }

        Directory.CreateDirectory(RootDirectory);
        if (!OperatingSystem.IsWindows())
        {
            // Also tightens a directory made by an older version with the default mode (0755).
            File.SetUnixFileMode(RootDirectory, OwnerOnlyDirectory);
        }
    }

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
            Directory.CreateDirectory(SocketDirectory, OwnerOnlyDirectory);
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
