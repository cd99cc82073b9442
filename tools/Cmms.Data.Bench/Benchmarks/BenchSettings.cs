namespace Cmms.Data.Bench.Benchmarks;

/// <summary>What one benchmark run measures and how often.</summary>
/// <param name="Scale">Data volume relative to the specification's benchmark volumes.</param>
/// <param name="Seed">Seed of the data generator (the same data goes into all three databases).</param>
/// <param name="Runs">Measured runs per query and schema (after the warm-up).</param>
/// <param name="Warmup">Unmeasured runs per query and schema first, so caches and plans are warm.</param>
/// <param name="WriteSamples">Single-row INSERTs and UPDATEs measured per write-heavy table and schema.</param>
/// <param name="MigrationSamples">Empty databases the migrations are applied to (and re-applied to) for timing.</param>
/// <param name="Writers">Writer sessions during the migration under write load.</param>
/// <param name="PhaseSeconds">Seconds of writing measured before and after each migration under write load.</param>
/// <param name="MigrationLoadRuns">Migrations under write load per engine.</param>
/// <param name="MigrationTimeRuns">Migrations on the loaded database per arm, with nobody writing.</param>
/// <param name="ParallelIndexBuilds">Sessions of scenario 3's parallel arms (<c>ParallelIndexBuilds(n)</c>).</param>
/// <param name="StartupRuns">hyperfine runs per start-up command.</param>
/// <param name="DeleteScales">The scales the parent deletes are measured at (the run's own scale reuses its databases).</param>
internal sealed record BenchSettings(
    double Scale,
    int Seed,
    int Runs,
    int Warmup,
    int WriteSamples,
    int MigrationSamples,
    int Writers,
    double PhaseSeconds,
    int MigrationLoadRuns,
    int MigrationTimeRuns,
    int ParallelIndexBuilds,
    IReadOnlyList<double> DeleteScales,
    int StartupRuns);
