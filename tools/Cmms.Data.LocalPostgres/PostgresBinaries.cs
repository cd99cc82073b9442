using System.Globalization;
using System.Text.RegularExpressions;

namespace Cmms.Data.LocalPostgres;

/// <summary>
/// A located PostgreSQL server bin directory (one holding <c>initdb</c>, <c>pg_ctl</c> and <c>postgres</c>)
/// and the server version it runs.
/// </summary>
public sealed partial class PostgresBinaries
{
    private static readonly string[] RequiredPrograms = ["initdb", "pg_ctl", "postgres"];
    private static readonly TimeSpan QueryTimeout = TimeSpan.FromSeconds(30);

    private PostgresBinaries(string binDirectory, string version, int majorVersion)
    {
        BinDirectory = binDirectory;
        Version = version;
        MajorVersion = majorVersion;
    }

    /// <summary>The absolute bin directory, e.g. <c>/usr/lib/postgresql/15/bin</c>.</summary>
    public string BinDirectory { get; }

    /// <summary>The full version reported by <c>pg_ctl --version</c>, e.g. <c>15.13</c>.</summary>
    public string Version { get; }

    /// <summary>The server major version, e.g. <c>15</c> (for 9.x releases, the first number).</summary>
    public int MajorVersion { get; }

    /// <summary>The path of <c>initdb</c>.</summary>
    public string InitDb => Program("initdb");

    /// <summary>The path of <c>pg_ctl</c>.</summary>
    public string PgCtl => Program("pg_ctl");

    /// <summary>The path of a program in <see cref="BinDirectory"/> (it may not exist, e.g. <c>psql</c> without a client package).</summary>
    public string Program(string name) => Path.Combine(BinDirectory, name);

    /// <summary>
    /// Whether the server can load the shared library <paramref name="name"/> (for example <c>pg_stat_statements</c>),
    /// looked for in the <c>lib</c> directory beside <see cref="BinDirectory"/>, where Debian, the EDB installers and
    /// source builds put it. A server told to preload a library it cannot find refuses to start, so it is asked to
    /// preload only what this finds.
    /// </summary>
    public bool HasLibrary(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var lib = Path.Combine(Path.GetDirectoryName(BinDirectory) ?? BinDirectory, "lib");
        return File.Exists(Path.Combine(lib, name + ".so")) || File.Exists(Path.Combine(lib, "postgresql", name + ".so"));
    }

    /// <summary>Locates the server binaries using the current process environment.</summary>
    /// <exception cref="PostgresNotFoundException">No server bin directory was found.</exception>
    public static PostgresBinaries Locate() => Locate(PostgresSearchLocations.FromEnvironment());

    /// <summary>Locates the server binaries in the given places (see <see cref="PostgresSearchLocations"/> for the order).</summary>
    /// <exception cref="PostgresNotFoundException">No server bin directory was found.</exception>
    public static PostgresBinaries Locate(PostgresSearchLocations locations)
    {
        ArgumentNullException.ThrowIfNull(locations);
        var directory = FindBinDirectory(locations);
        return FromDirectory(directory);
    }

    /// <summary>Uses the given bin directory as it is (after checking it holds the server programs).</summary>
    /// <exception cref="PostgresNotFoundException">The directory lacks <c>initdb</c>, <c>pg_ctl</c> or <c>postgres</c>.</exception>
    public static PostgresBinaries FromDirectory(string binDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(binDirectory);
        var full = Path.GetFullPath(binDirectory);
        if (!IsServerBinDirectory(full))
        {
            throw new PostgresNotFoundException(
                $"'{full}' is not a PostgreSQL server bin directory (it needs initdb, pg_ctl and postgres). "
                + PostgresNotFoundException.InstallHint);
        }

        var result = ProcessRunner.Run([Path.Combine(full, "pg_ctl"), "--version"], QueryTimeout);
        var match = VersionPattern().Match(result.StandardOutput);
        if (result.ExitCode != 0 || !match.Success)
        {
            throw new PostgresNotFoundException(
                $"'{Path.Combine(full, "pg_ctl")} --version' did not report a PostgreSQL version "
                + $"(exit code {result.ExitCode}: {result.FirstMessageLine}). " + PostgresNotFoundException.InstallHint);
        }

        var major = int.Parse(match.Groups["major"].Value, CultureInfo.InvariantCulture);
        return new PostgresBinaries(full, match.Groups["version"].Value, major);
    }

    /// <inheritdoc />
    public override string ToString() => $"PostgreSQL {Version} ({BinDirectory})";

    private static string FindBinDirectory(PostgresSearchLocations locations)
    {
        if (locations.BinDirectoryOverride is { } explicitDirectory)
        {
            if (IsServerBinDirectory(explicitDirectory))
            {
                return explicitDirectory;
            }

            throw new PostgresNotFoundException(
                $"No PostgreSQL server binaries found in {PostgresSearchLocations.BinDirectoryVariable}='{explicitDirectory}' "
                + $"(it needs initdb, pg_ctl and postgres). Fix or unset {PostgresSearchLocations.BinDirectoryVariable}. "
                + PostgresNotFoundException.InstallHint);
        }

        return FromPath(locations.PathDirectories)
            ?? (locations.UsePgConfig ? FromPgConfig(locations.PathDirectories) : null)
            ?? FromPackageRoots(locations.PackageRoots)
            ?? throw new PostgresNotFoundException(
                $"No PostgreSQL server binaries found (looked in {PostgresSearchLocations.BinDirectoryVariable}, PATH, pg_config, "
                + string.Join(", ", locations.PackageRoots.Select(root => root.TrimEnd('/') + "/*/bin"))
                + "). " + PostgresNotFoundException.InstallHint);
    }

    /// <summary>The real directory of the first <c>pg_ctl</c> on the path (symbolic links resolved).</summary>
    private static string? FromPath(IEnumerable<string> pathDirectories)
    {
        foreach (var directory in pathDirectories)
        {
            var candidate = Path.Combine(directory, "pg_ctl");
            if (!File.Exists(candidate))
            {
                continue;
            }

            var target = new FileInfo(candidate).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? candidate;
            var binDirectory = Path.GetDirectoryName(Path.GetFullPath(target));
            if (binDirectory is not null && IsServerBinDirectory(binDirectory))
            {
                return binDirectory;
            }
        }

        return null;
    }

    private static string? FromPgConfig(IEnumerable<string> pathDirectories)
    {
        var pgConfig = pathDirectories.Select(directory => Path.Combine(directory, "pg_config")).FirstOrDefault(File.Exists);
        if (pgConfig is null)
        {
            return null;
        }

        try
        {
            var result = ProcessRunner.Run([pgConfig, "--bindir"], QueryTimeout);
            var binDirectory = result.StandardOutput.Trim();
            return result.ExitCode == 0 && binDirectory.Length > 0 && IsServerBinDirectory(binDirectory) ? binDirectory : null;
        }
        catch (LocalPostgresException)
        {
            return null;
        }
    }

    /// <summary>The bin directory of the highest version under any package root (<c>/usr/lib/postgresql/16/bin</c> beats <c>15</c>).</summary>
    private static string? FromPackageRoots(IEnumerable<string> packageRoots) =>
        packageRoots
            .Where(Directory.Exists)
            .SelectMany(Directory.EnumerateDirectories)
            .Select(versionDirectory => (Version: ParseDirectoryVersion(Path.GetFileName(versionDirectory)), Bin: Path.Combine(versionDirectory, "bin")))
            .Where(candidate => candidate.Version is not null && IsServerBinDirectory(candidate.Bin))
            .OrderByDescending(candidate => candidate.Version)
            .Select(candidate => candidate.Bin)
            .FirstOrDefault();

    private static Version? ParseDirectoryVersion(string name) =>
        System.Version.TryParse(name.Contains('.', StringComparison.Ordinal) ? name : name + ".0", out var version) ? version : null;

    private static bool IsServerBinDirectory(string directory) =>
        Directory.Exists(directory) && RequiredPrograms.All(program => File.Exists(Path.Combine(directory, program)));

    [GeneratedRegex(@"\(PostgreSQL\)\s+(?<version>(?<major>\d+)(?:\.\d+)*\w*)")]
    private static partial Regex VersionPattern();
}
