using Cmms.Data.LocalPostgres;

namespace Cmms.Data.Tool.Connection;

/// <summary>
///     The default database when no connection is given: a PostgreSQL cluster kept in <c>.cmms/postgres</c> under the
///     working directory, created and started on first use, and a database named <see cref="DatabaseName" /> in it.
/// </summary>
internal static class EmbeddedServer
{
    public const string DatabaseName = "cmms";

    public static string Directory => Path.Combine(Environment.CurrentDirectory, ".cmms", "postgres");

    public static LocalPostgresCluster Cluster() => LocalPostgresCluster.Persistent(Directory);

    /// <summary>Starts the cluster if needed, creates the database if missing, and returns its connection string.</summary>
    public static async Task<string> EnsureDatabaseAsync(CancellationToken cancellationToken)
    {
        var cluster = Cluster();
        await cluster.EnsureStartedAsync(cancellationToken).ConfigureAwait(false);

        if (!await PostgresDatabases.ExistsAsync(cluster.ConnectionString, DatabaseName, cancellationToken).ConfigureAwait(false))
        {
            await PostgresDatabases.CreateAsync(cluster.ConnectionString, DatabaseName, cancellationToken).ConfigureAwait(false);
        }

        return cluster.GetConnectionString(DatabaseName);
    }
}
