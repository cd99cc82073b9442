using Cmms.Data.Bench.Benchmarks;

namespace Cmms.Data.IntegrationTests.Workload;

public sealed class WriterPhaseTests
{
    [Fact]
    public void Writer_phase_takes_median_nearest_rank_p99_and_max_and_counts_failures()
    {
        var samples = Enumerable.Range(1, 200).Select(i => new WriterSample(i / 100.0, 201 - i, Failed: i % 50 == 0)).ToList();

        WriterPhase.Of(samples).Should().Be(new WriterPhase(200, 4, 100.5, 198, 200));
    }

    [Fact]
    public void A_phase_without_statements_has_no_latency()
    {
        var phase = WriterPhase.Of([]);

        phase.Statements.Should().Be(0);
        double.IsNaN(phase.P99).Should().BeTrue();
    }
}
