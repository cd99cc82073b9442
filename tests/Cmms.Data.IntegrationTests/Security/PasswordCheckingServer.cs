using Cmms.Data.IntegrationTests.Infrastructure;
using Cmms.Data.LocalPostgres;
using Npgsql;

namespace Cmms.Data.IntegrationTests.Security;

/// <summary>
///     A throwaway cluster that checks one role's password: the shared test server trusts every local connection, so
///     a wrong password would pass there. The role's password needs percent-encoding in a URI.
/// </summary>
public sealed class PasswordCheckingServer : IAsyncLifetime
{
    public const string Role = "cmms_password_test";

    /// <summary>The right password: recognizable (<c>Zq7</c>), and with <c>@ : / %</c>, which a URI must percent-encode.</summary>
    public const string RightPassword = "Zq7-Right@:/%pw";

    private LocalPostgresCluster? _cluster;

    public LocalPostgresCluster Cluster => _cluster ?? throw new InvalidOperationException("The server has not started.");

    public int Port => Cluster.Port;

    public async Task InitializeAsync()
    {
        _cluster = await LocalPostgresCluster.StartThrowawayAsync();
        await Sql.ExecuteAsync(Cluster.ConnectionString, $"CREATE ROLE {Role} LOGIN PASSWORD '{RightPassword.Replace("'", "''", StringComparison.Ordinal)}'");
        var hbaFile = await Sql.ScalarAsync<string>(Cluster.ConnectionString, "SHOW hba_file");
        // pg_hba.conf is read top down: this line wins over the cluster's trust lines for this role only.
        await File.WriteAllTextAsync(hbaFile, $"host all {Role} 127.0.0.1/32 scram-sha-256{Environment.NewLine}{await File.ReadAllTextAsync(hbaFile)}");
        await Sql.ScalarAsync<bool>(Cluster.ConnectionString, "SELECT pg_reload_conf()");
    }

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }

    /// <summary>Npgsql's form, for the role, with <paramref name="password" />.</summary>
    public string ConnectionString(string password)
        => new NpgsqlConnectionStringBuilder(Cluster.ConnectionString) { Username = Role, Password = password }.ConnectionString;
}
