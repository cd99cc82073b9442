namespace Cmms.Data.Bench.Benchmarks;

/// <summary>What one benchmark run measures and how often.</summary>
/// <param name="Scale">Data volume relative to the specification's benchmark volumes.</param>
/// <param name="Seed">Seed of the data generator (the same data goes into all three databases).</param>
/// <param name="Runs">Measured runs per query and schema (after the warm-up).</param>
/// <param name="Warmup">Unmeasured runs per query and schema first, so caches and plans are warm.</param>
/// <param name="WriteSamples">Single-row INSERTs and UPDATEs measured per write-heavy table and schema.</param>
/// <param name="MigrationSamples">Empty databases the migrations are applied to (and re-applied to) for timing.</param>
internal sealed record BenchSettings(double Scale, int Seed, int Runs, int Warmup, int WriteSamples, int MigrationSamples);
