using System.Diagnostics;
using Cmms.Data.LocalPostgres;

namespace Cmms.Data.IntegrationTests.Infrastructure;

public sealed class ThrowawayWatchdogTests
{
    [Fact]
    public async Task Watchdog_stops_the_server_and_deletes_the_cluster_when_its_owner_is_killed()
    {
        // The owner stands in for a test host: a process that dies by SIGKILL without any cleanup.
        using var owner = Process.Start(new ProcessStartInfo("sleep", "600") { RedirectStandardOutput = true })!;
        var cluster = await LocalPostgresCluster.StartThrowawayAsync(new ThrowawayClusterOptions { OwnerProcessId = owner.Id });
        try
        {
            var postmaster = (await cluster.GetStatusAsync()).ProcessId!.Value;
            PostmasterProcesses.IsAlive(postmaster).Should().BeTrue();

            owner.Kill();

            var cleanedUp = await PostmasterProcesses.WaitUntilAsync(
                () => !PostmasterProcesses.IsAlive(postmaster) && !Directory.Exists(cluster.Directory),
                TimeSpan.FromSeconds(15));
            cleanedUp.Should().BeTrue("the watchdog polls its owner every second and then stops the server");
            PostmasterProcesses.For(cluster.DataDirectory).Should().BeEmpty();
        }
        finally
        {
            await cluster.DisposeAsync();
        }
    }

    [Fact]
    public async Task Disposing_after_the_watchdog_cleaned_up_does_not_throw()
    {
        using var owner = Process.Start(new ProcessStartInfo("sleep", "600") { RedirectStandardOutput = true })!;
        var cluster = await LocalPostgresCluster.StartThrowawayAsync(new ThrowawayClusterOptions { OwnerProcessId = owner.Id });
        owner.Kill();
        (await PostmasterProcesses.WaitUntilAsync(() => !Directory.Exists(cluster.Directory), TimeSpan.FromSeconds(15))).Should().BeTrue();

        var dispose = async () => await cluster.DisposeAsync();

        await dispose.Should().NotThrowAsync();
    }
}
