using System.Text.Json;
using Cmms.Data.IntegrationTests.Infrastructure;
using Cmms.Data.IntegrationTests.Workload;

namespace Cmms.Data.IntegrationTests.Advice;

[Collection(WorkloadTests.Collection)]
public sealed class AdviseCommandTests(AdviseWorkloadFixture db) : IClassFixture<AdviseWorkloadFixture>
{
    [Fact]
    public async Task Explore()
    {
        var run = await CmmsDbRun.InProcessAsync("advise", "--connection", db.ConnectionString);
        run.ExitCode.Should().Be(0, run.Output + run.Error);
        File.WriteAllText("/tmp/i14pg/advise.txt", run.Output + run.Error);
        var json = await CmmsDbRun.InProcessAsync("advise", "--connection", db.ConnectionString, "--format", "json");
        File.WriteAllText("/tmp/i14pg/advise.json", json.Output + json.Error);
        using var _ = JsonDocument.Parse(json.Output);
    }
}
