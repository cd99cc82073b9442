using System.Net;
using System.Net.Sockets;
using Cmms.Data.LocalPostgres;

namespace Cmms.Data.IntegrationTests.Infrastructure;

public sealed class PersistentClusterTests : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "cmms-persistent-" + Guid.NewGuid().ToString("N")[..10], "postgres");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (Directory.Exists(_directory))
        {
            using var cluster = LocalPostgresCluster.Persistent(_directory);
            await cluster.StopAsync();
        }

        var parent = Path.GetDirectoryName(_directory)!;
        if (Directory.Exists(parent))
        {
            Directory.Delete(parent, recursive: true);
        }
    }

    [Fact]
    public async Task Persistent_cluster_keeps_its_data_and_port_across_stop_and_start()
    {
        int port;
        using (var first = LocalPostgresCluster.Persistent(_directory))
        {
            (await first.GetStatusAsync()).State.Should().Be(LocalPostgresState.NotCreated);
            await first.EnsureStartedAsync();
            port = first.Port;
            await Sql.ExecuteAsync(first.ConnectionString, "create table kept (value text); insert into kept values ('still here')");
            await first.StopAsync();
            (await first.GetStatusAsync()).Should().BeEquivalentTo(new { State = LocalPostgresState.Stopped, Port = (int?)port, ProcessId = (int?)null });
        }

        using var second = LocalPostgresCluster.Persistent(_directory);
        second.Port.Should().Be(port, "the port is read from the cluster configuration before any start");
        await second.EnsureStartedAsync();

        second.Port.Should().Be(port);
        (await Sql.ScalarAsync<string>(second.ConnectionString, "select value from kept")).Should().Be("still here");
        (await Sql.ScalarAsync<string>(second.ConnectionString, "select current_setting('fsync')")).Should().Be("on");
    }

    [Fact]
    public async Task Persistent_cluster_attaches_to_a_server_that_already_runs()
    {
        using var first = LocalPostgresCluster.Persistent(_directory);
        await first.EnsureStartedAsync();
        var running = await first.GetStatusAsync();

        using var second = LocalPostgresCluster.Persistent(_directory);
        await second.EnsureStartedAsync();
        var attached = await second.GetStatusAsync();

        attached.State.Should().Be(LocalPostgresState.Running);
        attached.ProcessId.Should().Be(running.ProcessId!.Value, "the running server is reused, not restarted");
        second.ConnectionString.Should().Be(first.ConnectionString);
    }

    [Fact]
    public async Task Disposing_a_persistent_cluster_leaves_its_server_running()
    {
        int pid;
        using (var cluster = LocalPostgresCluster.Persistent(_directory))
        {
            await cluster.EnsureStartedAsync();
            pid = (await cluster.GetStatusAsync()).ProcessId!.Value;
        }

        PostmasterProcesses.IsAlive(pid).Should().BeTrue();
        PostmasterProcesses.For(Path.Combine(_directory, "data")).Should().Equal(pid);
    }

    [Fact]
    public async Task Starting_on_a_port_taken_by_another_process_fails_with_the_server_log_tail()
    {
        using var cluster = LocalPostgresCluster.Persistent(_directory);
        await cluster.EnsureStartedAsync();
        await cluster.StopAsync();

        var squatter = new TcpListener(IPAddress.Loopback, cluster.Port);
        squatter.Start();
        try
        {
            var start = () => cluster.EnsureStartedAsync();

            var error = (await start.Should().ThrowAsync<LocalPostgresException>()).Which;
            var lines = error.Message.Split(Environment.NewLine);
            lines[0].Should().StartWith($"PostgreSQL did not start in '{cluster.DataDirectory}'");
            lines[1].Should().Be($"Last lines of {cluster.LogFile}:");
            error.Message.Should().Contain("Address already in use");
            error.Message.Should().NotContain("   at ", "no stack trace belongs in the message");
        }
        finally
        {
            squatter.Stop();
        }
    }

    [Fact]
    public async Task Persistent_cluster_refuses_a_data_directory_that_holds_something_else()
    {
        Directory.CreateDirectory(Path.Combine(_directory, "data"));
        await File.WriteAllTextAsync(Path.Combine(_directory, "data", "notes.txt"), "not a cluster");
        using var cluster = LocalPostgresCluster.Persistent(_directory);

        var start = () => cluster.EnsureStartedAsync();

        (await start.Should().ThrowAsync<LocalPostgresException>()).Which.Message.Should().Be(
            $"'{cluster.DataDirectory}' is not empty but holds no PostgreSQL cluster (no PG_VERSION): remove it and try again.");
        File.Exists(Path.Combine(_directory, "data", "notes.txt")).Should().BeTrue("nothing is deleted");
    }

    [Fact]
    public async Task Persistent_cluster_preloads_pg_stat_statements_so_the_workload_is_recorded()
    {
        using var cluster = LocalPostgresCluster.Persistent(_directory);
        await cluster.EnsureStartedAsync();

        (await Sql.ScalarAsync<string>(cluster.ConnectionString, "select current_setting('shared_preload_libraries')")).Should().Be("pg_stat_statements");
        await Sql.ExecuteAsync(cluster.ConnectionString, "create extension pg_stat_statements");
        (await Sql.ScalarAsync<long>(cluster.ConnectionString, "select count(*) from pg_stat_statements")).Should().BePositive("the view reads only when the library is loaded");
    }

    [Fact]
    public async Task A_cluster_set_up_without_the_preload_gets_it_at_its_next_start_and_a_running_one_is_not_restarted()
    {
        using (var first = LocalPostgresCluster.Persistent(_directory))
        {
            await first.EnsureStartedAsync();
        }

        var settings = Path.Combine(_directory, "data", "cmms.conf");
        var written = await File.ReadAllTextAsync(settings);
        var older = string.Join('\n', written.Split('\n').Where(line => !line.StartsWith("shared_preload_libraries", StringComparison.Ordinal)));
        await File.WriteAllTextAsync(settings, older);
        var running = await LocalPostgresCluster.Persistent(_directory).GetStatusAsync();

        using (var attached = LocalPostgresCluster.Persistent(_directory))
        {
            await attached.EnsureStartedAsync();
            (await attached.GetStatusAsync()).ProcessId.Should().Be(running.ProcessId!.Value, "a running server is never restarted to load a library");
            (await File.ReadAllTextAsync(settings)).Should().Be(written, "the settings are written for the next start");
            await attached.StopAsync();
        }

        await File.WriteAllTextAsync(settings, older);
        using var restarted = LocalPostgresCluster.Persistent(_directory);
        await restarted.EnsureStartedAsync();
        (await File.ReadAllTextAsync(settings)).Should().Be(written);
        (await Sql.ScalarAsync<string>(restarted.ConnectionString, "select current_setting('shared_preload_libraries')")).Should().Be("pg_stat_statements");
    }
}
