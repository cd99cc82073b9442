using Cmms.Data.Bench.Benchmarks;

namespace Cmms.Data.Bench.AnalyzeSpeed;

/// <summary>What one <c>cmms-bench analyze-speed</c> run measured.</summary>
/// <param name="Tables">Tables generated.</param>
/// <param name="Indexes">Indexes generated, primary keys included.</param>
/// <param name="GenerationSeconds">How long creating the catalog took.</param>
/// <param name="Reported">What cmms-db's report of the catalog says, checked against what was planted.</param>
/// <param name="Times">The whole-process wall times of <c>cmms-db analyze --format json</c>, in milliseconds.</param>
/// <param name="Mean">Their mean, in milliseconds.</param>
/// <param name="Hyperfine">The hyperfine version.</param>
/// <param name="Machine">The machine and server, with the load average when the timing started.</param>
/// <param name="LoadAverageAfter">The 1-minute load average when the timing ended (the machine may be shared).</param>
internal sealed record AnalyzeSpeedResult(
    int Tables,
    int Indexes,
    double GenerationSeconds,
    ReportedCatalog Reported,
    Stats Times,
    double Mean,
    string Hyperfine,
    MachineInfo Machine,
    double? LoadAverageAfter);

/// <summary>The counts of cmms-db's JSON report that the generator decides.</summary>
/// <param name="TableCount">Tables analyzed.</param>
/// <param name="IndexCount">Indexes analyzed.</param>
/// <param name="FindingCount">Findings of every kind (unused indexes at info included).</param>
/// <param name="ForeignKeysWithoutIndex"><c>fk_without_index</c> findings.</param>
/// <param name="Duplicates"><c>duplicate_index</c> findings.</param>
/// <param name="Redundant"><c>redundant_index</c> findings.</param>
internal sealed record ReportedCatalog(int TableCount, int IndexCount, int FindingCount, int ForeignKeysWithoutIndex, int Duplicates, int Redundant);
