namespace Cmms.Data.LocalPostgres;

/// <summary>
/// Where <see cref="PostgresBinaries.Locate(PostgresSearchLocations)"/> looks for a PostgreSQL server
/// bin directory, in this order: <see cref="BinDirectoryOverride"/>, <c>pg_ctl</c> in
/// <see cref="PathDirectories"/>, <c>pg_config --bindir</c> (the <c>pg_config</c> found in
/// <see cref="PathDirectories"/>), then the highest-version <c>*/bin</c> under <see cref="PackageRoots"/>.
/// </summary>
/// <remarks>
/// <see cref="FromEnvironment"/> reads the real process environment; tests build their own
/// instance instead of mutating environment variables.
/// </remarks>
public sealed record PostgresSearchLocations
{
    /// <summary>The environment variable that names the server bin directory explicitly.</summary>
    public const string BinDirectoryVariable = "CMMS_PG_BINDIR";

    /// <summary>Debian's and Ubuntu's parent of versioned server directories (<c>/usr/lib/postgresql/15/bin</c>).</summary>
    public const string DebianPackageRoot = "/usr/lib/postgresql";

    /// <summary>
    /// An explicit bin directory (the value of <c>CMMS_PG_BINDIR</c>). When set, it is the only place
    /// searched: a wrong value is reported rather than silently replaced by another installation.
    /// </summary>
    public string? BinDirectoryOverride { get; init; }

    /// <summary>Directories searched for <c>pg_ctl</c> and <c>pg_config</c> (normally the entries of <c>PATH</c>).</summary>
    public IReadOnlyList<string> PathDirectories { get; init; } = [];

    /// <summary>Whether to ask <c>pg_config --bindir</c> (when <c>pg_config</c> is in <see cref="PathDirectories"/>).</summary>
    public bool UsePgConfig { get; init; } = true;

    /// <summary>Directories whose versioned subdirectories hold a <c>bin</c> directory, e.g. <c>/usr/lib/postgresql</c>.</summary>
    public IReadOnlyList<string> PackageRoots { get; init; } = [DebianPackageRoot];

    /// <summary>The search locations of the current process: <c>CMMS_PG_BINDIR</c>, <c>PATH</c>, <c>pg_config</c>, <c>/usr/lib/postgresql</c>.</summary>
    public static PostgresSearchLocations FromEnvironment()
    {
        var overrideDirectory = Environment.GetEnvironmentVariable(BinDirectoryVariable);
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        return new PostgresSearchLocations
        {
            BinDirectoryOverride = string.IsNullOrWhiteSpace(overrideDirectory) ? null : overrideDirectory,
            PathDirectories = path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries),
        };
    }
}
