namespace Cmms.Data.LocalPostgres;

/// <summary>Options for <see cref="LocalPostgresCluster.StartThrowawayAsync(ThrowawayClusterOptions?, CancellationToken)"/>.</summary>
public sealed record ThrowawayClusterOptions
{
    /// <summary>The server binaries to use; located with <see cref="PostgresBinaries.Locate()"/> when <see langword="null"/>.</summary>
    public PostgresBinaries? Binaries { get; init; }

    /// <summary>
    /// The directory under which the cluster's temporary directory is created;
    /// <see cref="Path.GetTempPath"/> when <see langword="null"/>.
    /// </summary>
    public string? ParentDirectory { get; init; }

    /// <summary>
    /// The process whose end makes the watchdog stop the server and delete the cluster
    /// (the current process when <see langword="null"/>). Tests set it to a short-lived process
    /// to prove that cleanup happens without the owner's cooperation.
    /// </summary>
    public int? OwnerProcessId { get; init; }

    /// <summary>
    /// Libraries the server loads at start (<c>shared_preload_libraries</c>), such as <c>pg_stat_statements</c>,
    /// which works only when preloaded (https://www.postgresql.org/docs/15/pgstatstatements.html). Empty by default.
    /// </summary>
    public IReadOnlyList<string> SharedPreloadLibraries { get; init; } = [];
}
