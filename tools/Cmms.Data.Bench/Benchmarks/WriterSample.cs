namespace Cmms.Data.Bench.Benchmarks;

/// <summary>One statement a writer session ran: when it started (seconds on the run's clock), how long it took, whether it failed.</summary>
internal readonly record struct WriterSample(double StartSeconds, double LatencyMs, bool Failed);
