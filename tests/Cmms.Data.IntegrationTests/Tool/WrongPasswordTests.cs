using Cmms.Data.IntegrationTests.Infrastructure;
using Cmms.Data.LocalPostgres;
using Npgsql;

namespace Cmms.Data.IntegrationTests.Tool;

/// <summary>
///     Needs a server that checks passwords: the shared test server trusts every local connection, so this class
///     starts its own throwaway cluster and asks for scram-sha-256 from one role.
/// </summary>
public sealed class WrongPasswordTests : IAsyncLifetime
{
    private const string Role = "cmms_password_test";
    private const string RightPassword = "the-right-one-7";
    private LocalPostgresCluster? _cluster;

    private LocalPostgresCluster Cluster => _cluster!;

    public async Task InitializeAsync()
    {
        _cluster = await LocalPostgresCluster.StartThrowawayAsync();
        await Sql.ExecuteAsync(Cluster.ConnectionString, $"CREATE ROLE {Role} LOGIN PASSWORD '{RightPassword}'");
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

    [Fact]
    public async Task Wrong_password_fails_with_one_line_that_names_the_user_but_never_the_password()
    {
        var before = await ToolDatabase.FingerprintAsync(Cluster.ConnectionString);

        var run = await CmmsDbRun.InProcessAsync("migrate", "--connection", ConnectionString(ToolTestDefaults.Password));

        run.ShouldFailWithOneLine(1).Should()
            .StartWith($"Authentication failed on Host=127.0.0.1;Port={Cluster.Port};Database=postgres;Username={Role}:")
            .And.Contain("Check Username and Password");
        (await ToolDatabase.FingerprintAsync(Cluster.ConnectionString)).Should().Be(before);
    }

    [Fact]
    public async Task Right_password_is_accepted_so_the_server_really_checks_passwords()
    {
        var run = await CmmsDbRun.InProcessAsync("status", "--connection", ConnectionString(RightPassword));

        run.ShouldSucceed().Output.Should().StartWith("Database 'postgres' is at 0.");
        (run.Output + run.Error).Should().NotContain(RightPassword);
    }

    private string ConnectionString(string password)
        => new NpgsqlConnectionStringBuilder(Cluster.ConnectionString) { Username = Role, Password = password }.ConnectionString;
}
