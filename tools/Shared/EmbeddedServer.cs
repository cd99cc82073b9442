using Cmms.Data.LocalPostgres;

namespace Cmms.Data.CommandLine;

/// <summary>
///     The default database when no connection is given: a PostgreSQL cluster kept in <c>.cmms/postgres</c> under the
///     working directory, created and started on first use, and a database named <see cref="DatabaseName" /> in it.
///     Its superuser password is generated at creation and kept in <c>.cmms/postgres/password</c>, readable by its
///     owner only; cmms-db puts it into the connection string it uses and never prints it. Shared with cmms-bench, whose
///     advise demo loads the same database.
/// </summary>
internal static class EmbeddedServer
{
    public const string DatabaseName = "cmms";

    public static string Directory => Path.Combine(Environment.CurrentDirectory, ".cmms", "postgres");

    public static LocalPostgresCluster Cluster() => LocalPostgresCluster.Persistent(Directory);

    /// <summary>Starts the cluster if needed, creates the database if missing, and returns its connection string (with the password).</summary>
    public static async Task<string> EnsureDatabaseAsync(CancellationToken cancellationToken)
    {
        using var cluster = Cluster();
        return await cluster.EnsureDatabaseAsync(DatabaseName, cancellationToken).ConfigureAwait(false);
    }
}
