using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Cmms.Data.LocalPostgres;

/// <summary>
/// The server settings this library manages, kept in <c>cmms.conf</c> inside the data directory and
/// included from the end of <c>postgresql.conf</c>. The port lives here, so restarts keep it.
/// </summary>
internal sealed partial record ClusterSettings(int Port, string SocketDirectory, bool Throwaway, IReadOnlyList<string>? PreloadLibraries = null)
{
    /// <summary>The settings file name, relative to the data directory.</summary>
    public const string FileName = "cmms.conf";

    /// <summary>Tests open many connections at once; the default of 100 is too tight.</summary>
    public const int MaxConnections = 200;

    private const string IncludeLine = "include_if_exists = '" + FileName + "'";

    /// <summary>The settings file text.</summary>
    public string Render()
    {
        var text = new StringBuilder()
            .AppendLine("# Written by Cmms.Data.LocalPostgres. The port is kept across restarts.")
            .AppendLine(CultureInfo.InvariantCulture, $"port = {Port}")
            .AppendLine("listen_addresses = '127.0.0.1'")
            .AppendLine(CultureInfo.InvariantCulture, $"unix_socket_directories = '{Quote(SocketDirectory)}'")
            .AppendLine(CultureInfo.InvariantCulture, $"max_connections = {MaxConnections}");
        if (PreloadLibraries is { Count: > 0 } libraries)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"shared_preload_libraries = '{Quote(string.Join(",", libraries))}'");
        }

        if (Throwaway)
        {
            // A throwaway cluster is deleted afterwards: durability only costs time.
            text.AppendLine("fsync = off")
                .AppendLine("synchronous_commit = off")
                .AppendLine("full_page_writes = off");
        }
        else
        {
            // The default since PostgreSQL 14; a password set later (ALTER ROLE) is then hashed with SCRAM too.
            text.AppendLine("password_encryption = 'scram-sha-256'");
        }

        return text.ToString();
    }

    /// <summary>Whether <c>cmms.conf</c> already says exactly these settings.</summary>
    public bool IsWrittenIn(ClusterLayout layout)
    {
        try
        {
            return File.ReadAllText(layout.SettingsFile) == Render();
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Writes <c>cmms.conf</c> and makes sure <c>postgresql.conf</c> includes it.</summary>
    public void WriteTo(ClusterLayout layout)
    {
        File.WriteAllText(layout.SettingsFile, Render());
        var mainConfig = Path.Combine(layout.DataDirectory, "postgresql.conf");
        var existing = File.Exists(mainConfig) ? File.ReadAllText(mainConfig) : string.Empty;
        if (!existing.Contains(IncludeLine, StringComparison.Ordinal))
        {
            File.AppendAllText(mainConfig, Environment.NewLine + IncludeLine + Environment.NewLine);
        }
    }

    /// <summary>Reads the port from an existing <c>cmms.conf</c>, or <see langword="null"/> if there is none.</summary>
    public static int? ReadPort(ClusterLayout layout)
    {
        try
        {
            var match = PortPattern().Match(File.ReadAllText(layout.SettingsFile));
            return match.Success ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string Quote(string value) => value.Replace("'", "''", StringComparison.Ordinal);

    [GeneratedRegex(@"^\s*port\s*=\s*(\d+)", RegexOptions.Multiline)]
    private static partial Regex PortPattern();
}
