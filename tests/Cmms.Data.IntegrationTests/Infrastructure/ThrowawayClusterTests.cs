using Cmms.Data.LocalPostgres;
using Npgsql;

namespace Cmms.Data.IntegrationTests.Infrastructure;

public sealed class ThrowawayClusterTests
{
    [Fact]
    public async Task Throwaway_cluster_answers_select_version_with_the_located_major_version()
    {
        var located = PostgresBinaries.Locate();
        await using var cluster = await LocalPostgresCluster.StartThrowawayAsync();

        await using var connection = new NpgsqlConnection(cluster.ConnectionString);
        await connection.OpenAsync();
        var version = (string)(await new NpgsqlCommand("select version()", connection).ExecuteScalarAsync())!;

        cluster.Binaries.MajorVersion.Should().Be(located.MajorVersion);
        version.Should().StartWith($"PostgreSQL {located.MajorVersion}.");
        connection.PostgreSqlVersion.Major.Should().Be(located.MajorVersion);
    }

    [Fact]
    public async Task Throwaway_cluster_listens_on_loopback_with_test_friendly_settings()
    {
        await using var cluster = await LocalPostgresCluster.StartThrowawayAsync();

        await using var connection = new NpgsqlConnection(cluster.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "select host(inet_server_addr()), inet_server_port(), current_user, current_setting('max_connections')::int, current_setting('fsync')",
            connection);
        await using var reader = await command.ExecuteReaderAsync();
        (await reader.ReadAsync()).Should().BeTrue();

        reader.GetString(0).Should().Be("127.0.0.1");
        reader.GetInt32(1).Should().Be(cluster.Port);
        reader.GetString(2).Should().Be("postgres");
        reader.GetInt32(3).Should().Be(200);
        reader.GetString(4).Should().Be("off");
        cluster.ConnectionString.Should().Contain("Host=127.0.0.1").And.Contain($"Port={cluster.Port}");
    }

    [Fact]
    public async Task Throwaway_cluster_restart_ends_every_session_and_accepts_connections_again_on_the_same_port()
    {
        await using var cluster = await LocalPostgresCluster.StartThrowawayAsync();
        var unpooled = new NpgsqlConnectionStringBuilder(cluster.ConnectionString) { Pooling = false }.ConnectionString;
        await using var before = new NpgsqlConnection(unpooled);
        await before.OpenAsync();
        var startedBefore = (DateTime)(await new NpgsqlCommand("select pg_postmaster_start_time()", before).ExecuteScalarAsync())!;
        var postmasterBefore = (await cluster.GetStatusAsync()).ProcessId;

        await cluster.RestartAsync();

        (await new NpgsqlCommand("select 1", before).Invoking(c => c.ExecuteScalarAsync()).Should().ThrowAsync<PostgresException>())
            .Which.SqlState.Should().Be(PostgresErrorCodes.AdminShutdown, "a fast shutdown ends every session");
        await using var after = new NpgsqlConnection(unpooled);
        await after.OpenAsync();
        var startedAfter = (DateTime)(await new NpgsqlCommand("select pg_postmaster_start_time()", after).ExecuteScalarAsync())!;
        startedAfter.Should().BeAfter(startedBefore);
        (await cluster.GetStatusAsync()).ProcessId.Should().NotBe(postmasterBefore);
        after.Port.Should().Be(cluster.Port);
    }

    [Fact]
    public async Task Throwaway_cluster_leaves_no_process_and_no_directory_after_dispose()
    {
        var cluster = await LocalPostgresCluster.StartThrowawayAsync();
        var status = await cluster.GetStatusAsync();
        var dataDirectory = cluster.DataDirectory;

        status.State.Should().Be(LocalPostgresState.Running);
        status.ProcessId.Should().NotBeNull();
        PostmasterProcesses.For(dataDirectory).Should().Equal(status.ProcessId!.Value);

        await cluster.DisposeAsync();

        Directory.Exists(cluster.Directory).Should().BeFalse();
        PostmasterProcesses.For(dataDirectory).Should().BeEmpty();
        PostmasterProcesses.IsAlive(status.ProcessId.Value).Should().BeFalse();
    }

    [Fact]
    public async Task Throwaway_cluster_in_a_deep_directory_moves_its_socket_to_a_short_tmp_path()
    {
        var top = Path.Combine(Path.GetTempPath(), "cmms-deep-" + Guid.NewGuid().ToString("N"));
        var parent = Path.Combine(top, new string('d', 60), new string('e', 60));
        Directory.CreateDirectory(parent);
        try
        {
            string socketDirectory;
            await using (var cluster = await LocalPostgresCluster.StartThrowawayAsync(new ThrowawayClusterOptions { ParentDirectory = parent }))
            {
                socketDirectory = cluster.SocketDirectory;
                socketDirectory.Should().StartWith("/tmp/cmms-pg-");
                File.Exists(Path.Combine(socketDirectory, $".s.PGSQL.{cluster.Port}.lock")).Should().BeTrue();

                await using var connection = new NpgsqlConnection(cluster.ConnectionString);
                await connection.OpenAsync();
                var socketSetting = (string)(await new NpgsqlCommand("show unix_socket_directories", connection).ExecuteScalarAsync())!;
                socketSetting.Should().Be(socketDirectory);
            }

            Directory.Exists(socketDirectory).Should().BeFalse();
        }
        finally
        {
            Directory.Delete(top, recursive: true);
        }
    }
}
