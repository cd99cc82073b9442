using System.Net;
using Npgsql;

namespace Cmms.Data.LocalPostgres;

/// <summary>
/// Moves a persistent cluster made by an older Cmms.Data.LocalPostgres (<c>initdb -A trust</c>: every local
/// connection was superuser without a password) to password authentication: the superuser gets a generated
/// password, stored in the password file, and <c>pg_hba.conf</c> then asks every connection for it
/// (scram-sha-256). It runs while the server is up, over the last trusted connection.
/// </summary>
/// <remarks>
/// A crash part way leaves either trust still in place (the next start upgrades again, reusing the stored
/// password) or the upgrade finished: <c>pg_hba.conf</c> is rewritten only after the password is stored
/// and set. See https://www.postgresql.org/docs/current/auth-pg-hba-conf.html.
/// </remarks>
internal static class TrustUpgrade
{
    /// <summary>What <c>initdb -A scram-sha-256</c> would have written, without its replication lines.</summary>
    internal const string PasswordOnlyHba = """
        # Written by Cmms.Data.LocalPostgres: every connection needs the superuser password in the cluster's password file.
        # TYPE  DATABASE  USER  ADDRESS       METHOD
        local   all       all                 scram-sha-256
        host    all       all   127.0.0.1/32  scram-sha-256
        host    all       all   ::1/128       scram-sha-256

        """;

    /// <summary>Whether a record of <c>pg_hba.conf</c> lets some connection in without a password (method <c>trust</c>).</summary>
    public static bool AllowsTrust(ClusterLayout layout) =>
        File.Exists(layout.HbaFile) && File.ReadLines(layout.HbaFile).Any(line => Method(line) == "trust");

    /// <summary>
    /// Sets the superuser password (the stored one, or a new one it stores), then rewrites <c>pg_hba.conf</c>
    /// to <see cref="PasswordOnlyHba"/> and reloads the server's configuration.
    /// </summary>
    /// <param name="layout">The cluster's files.</param>
    /// <param name="trustedConnectionString">A connection string without password to the running server's maintenance database.</param>
    /// <param name="cancellationToken">Cancels the statements.</param>
    /// <returns>The superuser password now in force.</returns>
    public static async Task<string> UpgradeAsync(ClusterLayout layout, string trustedConnectionString, CancellationToken cancellationToken)
    {
        var password = SuperuserPassword.Read(layout);
        if (password is null)
        {
            password = SuperuserPassword.Generate();
            SuperuserPassword.Write(layout, password);
        }

        var connectionString = new NpgsqlConnectionStringBuilder(trustedConnectionString) { Pooling = false }.ConnectionString;
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);

            // ALTER ROLE takes no parameters; the password is hex (SuperuserPassword.Generate) or read back from
            // our own file, and quoted as a literal all the same. The server hashes it (scram-sha-256, set first).
            // pg_hba.conf changes only once the password is set, so a failure here leaves trust, never a lock-out.
            var literal = "'" + password.Replace("'", "''", StringComparison.Ordinal) + "'";
            await using (var setPassword = new NpgsqlCommand(
                $"SET password_encryption = 'scram-sha-256'; ALTER ROLE {LocalPostgresCluster.SuperUser} PASSWORD {literal}", connection))
            {
                await setPassword.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await File.WriteAllTextAsync(layout.HbaFile, PasswordOnlyHba, cancellationToken).ConfigureAwait(false);
            await using var reload = new NpgsqlCommand("SELECT pg_reload_conf()", connection);
            await reload.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        return password;
    }

    /// <summary>
    /// The authentication method of one <c>pg_hba.conf</c> line, or <see langword="null"/> for a comment, a blank
    /// line or an include directive. Records are <c>local DATABASE USER METHOD</c> and
    /// <c>host* DATABASE USER ADDRESS [MASK] METHOD</c>.
    /// </summary>
    internal static string? Method(string line)
    {
        var fields = line.Split('#', 2)[0].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length == 0)
        {
            return null;
        }

        var methodIndex = fields[0] switch
        {
            "local" => 3,
            "host" or "hostssl" or "hostnossl" or "hostgssenc" or "hostnogssenc" =>
                fields.Length > 5 && !fields[3].Contains('/', StringComparison.Ordinal) && IPAddress.TryParse(fields[4], out _) ? 5 : 4,
            _ => -1,
        };
        return methodIndex >= 0 && methodIndex < fields.Length ? fields[methodIndex] : null;
    }
}
