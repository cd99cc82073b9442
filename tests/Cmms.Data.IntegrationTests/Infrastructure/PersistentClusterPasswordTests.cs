using Cmms.Data.LocalPostgres;
using System.Runtime.Versioning;
using Npgsql;

namespace Cmms.Data.IntegrationTests.Infrastructure;

/// <summary>
///     A persistent cluster (the one cmms-db uses as its embedded server) asks every connection for a generated
///     superuser password kept in an owner-only file, moves clusters an older version made with trust authentication
///     to it, and survives two processes creating it at the same instant.
/// </summary>
[SupportedOSPlatform("linux")] // file modes; the clusters run only on Linux anyway (runuser, setsid)
public sealed class PersistentClusterPasswordTests : IAsyncLifetime
{
    private const UnixFileMode OwnerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerOnlyDirectory = OwnerReadWrite | UnixFileMode.UserExecute;

    private readonly string _parent = Path.Combine(Path.GetTempPath(), "cmms-password-" + Guid.NewGuid().ToString("N")[..10]);

    private string ClusterDirectory => Path.Combine(_parent, "postgres");

    private string PasswordFile => Path.Combine(ClusterDirectory, "password");

    private string HbaFile => Path.Combine(ClusterDirectory, "data", "pg_hba.conf");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (Directory.Exists(Path.Combine(ClusterDirectory, "data")))
        {
            using var cluster = LocalPostgresCluster.Persistent(ClusterDirectory);
            await cluster.StopAsync();
        }

        if (Directory.Exists(_parent))
        {
            Directory.Delete(_parent, recursive: true);
        }
    }

    [Fact]
    public async Task Password_is_generated_into_a_file_only_its_owner_can_read_in_a_directory_only_its_owner_can_enter()
    {
        using var cluster = LocalPostgresCluster.Persistent(ClusterDirectory);
        await cluster.EnsureStartedAsync();

        cluster.PasswordFile.Should().Be(PasswordFile);
        File.GetUnixFileMode(PasswordFile).Should().Be(OwnerReadWrite);
        File.GetUnixFileMode(ClusterDirectory).Should().Be(OwnerOnlyDirectory);
        var password = (await File.ReadAllLinesAsync(PasswordFile)).Should().ContainSingle().Subject;
        password.Should().MatchRegex("^[0-9a-f]{40}$");
        new NpgsqlConnectionStringBuilder(cluster.ConnectionString).Password.Should().Be(password);
        (await Sql.ScalarAsync<string>(cluster.ConnectionString, "SELECT current_user")).Should().Be("postgres");
    }

    [Fact]
    public async Task A_wrong_or_missing_password_is_refused_over_tcp_and_the_unix_socket()
    {
        using var cluster = LocalPostgresCluster.Persistent(ClusterDirectory);
        await cluster.EnsureStartedAsync();

        var wrong = () => Sql.ScalarAsync<int>(WithPassword(cluster.ConnectionString, "not-the-password"), "SELECT 1");
        var none = () => Sql.ScalarAsync<int>(WithPassword(cluster.ConnectionString, null), "SELECT 1");

        var overSocket = () => Sql.ScalarAsync<int>(
            new NpgsqlConnectionStringBuilder(WithPassword(cluster.ConnectionString, "not-the-password")) { Host = cluster.SocketDirectory }.ConnectionString,
            "SELECT 1");

        (await wrong.Should().ThrowAsync<PostgresException>()).Which.SqlState.Should().Be(PostgresErrorCodes.InvalidPassword);
        (await none.Should().ThrowAsync<NpgsqlException>()).Which.Message.Should().Contain("No password has been provided");
        (await overSocket.Should().ThrowAsync<PostgresException>("the Unix socket asks for the password too"))
            .Which.SqlState.Should().Be(PostgresErrorCodes.InvalidPassword);
        (await Sql.ScalarAsync<string>(cluster.ConnectionString, "SELECT rolpassword FROM pg_authid WHERE rolname = 'postgres'"))
            .Should().StartWith("SCRAM-SHA-256$", "the server stores a SCRAM verifier, never the password");
    }

    [Fact]
    public async Task A_cluster_an_older_version_created_with_trust_is_moved_to_a_password_on_its_next_start()
    {
        int port;
        using (var created = LocalPostgresCluster.Persistent(ClusterDirectory))
        {
            await created.EnsureStartedAsync();
            port = created.Port;
            await Sql.ExecuteAsync(created.ConnectionString, "CREATE TABLE kept (value text); INSERT INTO kept VALUES ('still here')");
            await created.StopAsync();
        }

        // What the older version left: initdb -A trust's records and no password file.
        await File.WriteAllTextAsync(HbaFile, "local all all trust\nhost all all 127.0.0.1/32 trust\nhost all all ::1/128 trust\n");
        File.Delete(PasswordFile);

        using var upgraded = LocalPostgresCluster.Persistent(ClusterDirectory);
        await upgraded.EnsureStartedAsync();

        upgraded.Port.Should().Be(port);
        File.GetUnixFileMode(PasswordFile).Should().Be(OwnerReadWrite);
        (await File.ReadAllTextAsync(HbaFile)).Should().NotContain("trust");
        (await Sql.ScalarAsync<string>(upgraded.ConnectionString, "SELECT value FROM kept")).Should().Be("still here");
        var trusted = () => Sql.ScalarAsync<int>(WithPassword(upgraded.ConnectionString, null) + ";Pooling=false", "SELECT 1");
        await trusted.Should().ThrowAsync<NpgsqlException>("the running server reloaded pg_hba.conf");
    }

    [Fact]
    public async Task A_password_cluster_whose_password_file_is_gone_fails_with_one_line_saying_what_to_do()
    {
        using (var created = LocalPostgresCluster.Persistent(ClusterDirectory))
        {
            await created.EnsureStartedAsync();
        }

        File.Delete(PasswordFile);
        using var cluster = LocalPostgresCluster.Persistent(ClusterDirectory);

        var start = () => cluster.EnsureStartedAsync();

        (await start.Should().ThrowAsync<LocalPostgresException>()).Which.Message.Should().Be(
            $"The cluster in '{ClusterDirectory}' asks for a password but its password file '{PasswordFile}' is missing or unreadable: "
            + "restore that file, or delete the directory to start over (its data is lost).");
    }

    [Fact]
    public async Task Two_first_starts_at_the_same_instant_both_succeed_on_one_server()
    {
        using var first = LocalPostgresCluster.Persistent(ClusterDirectory);
        using var second = LocalPostgresCluster.Persistent(ClusterDirectory);

        var connections = await Task.WhenAll(first.EnsureDatabaseAsync("shared"), second.EnsureDatabaseAsync("shared"));

        connections[1].Should().Be(connections[0], "both use the one cluster, its port and its password");
        PostmasterProcesses.For(Path.Combine(ClusterDirectory, "data")).Should().ContainSingle();
        (await Sql.ScalarAsync<long>(first.ConnectionString, "SELECT count(*) FROM pg_database WHERE datname = 'shared'")).Should().Be(1);
    }

    private static string WithPassword(string connectionString, string? password) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Password = password }.ConnectionString;
}
