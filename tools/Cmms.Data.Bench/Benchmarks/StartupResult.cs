namespace Cmms.Data.Bench.Benchmarks;

/// <summary>Scenario 4: whole-process time of no-op commands on an up-to-date database, measured with hyperfine.</summary>
/// <param name="Tool">The hyperfine version used, or null when none was found.</param>
/// <param name="Commands">What was measured.</param>
/// <param name="NotMeasured">What the issue asks for that this run could not measure, and why.</param>
internal sealed record StartupResult(string? Tool, IReadOnlyList<StartupCommand> Commands, IReadOnlyList<string> NotMeasured);

/// <summary>One command's whole-process wall time in milliseconds over hyperfine's runs.</summary>
/// <param name="Key">cmmsDbMigrate, cmmsDbStatus, cmmsDbAnalyze, cmmsDbStatusControl, dotnetEfDatabaseUpdate, efbundle.</param>
/// <param name="Title">The command line as the report shows it (without the connection, which is passed in the environment).</param>
/// <param name="Milliseconds">Wall time.</param>
internal sealed record StartupCommand(string Key, string Title, Stats Milliseconds);
