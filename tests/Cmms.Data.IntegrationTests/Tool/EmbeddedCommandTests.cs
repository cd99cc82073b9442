using Cmms.Data.IntegrationTests.Infrastructure;
using Cmms.Data.LocalPostgres;

namespace Cmms.Data.IntegrationTests.Tool;

/// <summary>
///     <c>cmms-db embedded</c> as users run it, as child processes in a working directory of their own (the embedded
///     server lives in <c>.cmms/postgres</c> under it): the password never printed, and concurrent first starts.
/// </summary>
public sealed class EmbeddedCommandTests : IAsyncLifetime
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(4);

    private readonly string _workingDirectory = Path.Combine(Path.GetTempPath(), "cmms-embedded-" + Guid.NewGuid().ToString("N")[..10]);

    private string ClusterDirectory => Path.Combine(_workingDirectory, ".cmms", "postgres");

    private string PasswordFile => Path.Combine(ClusterDirectory, "password");

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(_workingDirectory);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (Directory.Exists(Path.Combine(ClusterDirectory, "data")))
        {
            using var cluster = LocalPostgresCluster.Persistent(ClusterDirectory);
            await cluster.StopAsync();
        }

        Directory.Delete(_workingDirectory, recursive: true);
    }

    [Fact]
    public async Task Start_and_status_print_the_connection_string_without_the_password_and_say_where_it_is_kept()
    {
        var start = (await RunAsync("embedded", "start")).ShouldSucceed();
        var password = (await File.ReadAllLinesAsync(PasswordFile))[0];
        var status = (await RunAsync("embedded", "status")).ShouldSucceed();
        var json = (await RunAsync("embedded", "status", "--json")).ShouldSucceed();

        using var cluster = LocalPostgresCluster.Persistent(ClusterDirectory);
        var expected = new[]
        {
            $"embedded server: running ({ClusterDirectory})",
            $"connection: Host=127.0.0.1;Port={cluster.Port};Database=cmms;Username=postgres",
            $"password: in {PasswordFile} (readable by its owner only)",
        };
        start.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().Equal(expected);
        status.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().Equal(expected);
        json.Json.GetProperty("connection").GetString().Should().Be($"Host=127.0.0.1;Port={cluster.Port};Database=cmms;Username=postgres");
        json.Json.GetProperty("passwordFile").GetString().Should().Be(PasswordFile);
        foreach (var run in new[] { start, status, json })
        {
            (run.Output + run.Error).Should().NotContain(password).And.NotContainEquivalentOf("password=");
        }
    }

    [Fact]
    public async Task Two_first_starts_at_the_same_instant_both_succeed_with_one_cluster()
    {
        using var first = CmmsDbProcess.StartIn(_workingDirectory, "embedded", "start", "--json");
        using var second = CmmsDbProcess.StartIn(_workingDirectory, "embedded", "start", "--json");

        var runs = new[] { await first.WaitAsync(RunTimeout), await second.WaitAsync(RunTimeout) };

        runs.Should().AllSatisfy(run => run.ShouldSucceed());
        runs[1].Json.GetProperty("connection").GetString().Should().Be(runs[0].Json.GetProperty("connection").GetString());
        PostmasterProcesses.For(Path.Combine(ClusterDirectory, "data")).Should().ContainSingle();
        using var cluster = LocalPostgresCluster.Persistent(ClusterDirectory);
        (await Sql.ScalarAsync<string>(cluster.GetConnectionString("cmms"), "SELECT current_database()")).Should().Be("cmms");
    }

    private Task<CmmsDbRun> RunAsync(params string[] args) => CmmsDbProcess.StartIn(_workingDirectory, args).WaitAsync(RunTimeout);
}
