using Cmms.Data.Bench.Schemas;
using static System.FormattableString;

namespace Cmms.Data.Bench.Benchmarks;

/// <summary>
///     Scenario 4. On a database that is up to date, times whole processes with hyperfine: <c>cmms-db migrate</c>,
///     <c>status</c> and <c>analyze</c> with nothing to do, against <c>dotnet ef database update --no-build</c> and an
///     efbundle doing the same no-op; <c>cmms-db status</c> a second time is the A/A control. The connection string
///     reaches the processes through <c>CMMS_DB_CONNECTION</c>, never on a command line. What is missing on the machine
///     (hyperfine, a built cmms-db, dotnet-ef, an efbundle) is reported as not measured.
/// </summary>
internal static class StartupBenchmark
{
    public static async Task<StartupResult> RunAsync(string serverConnectionString, StartupTools tools, int runs, TextWriter progress, CancellationToken cancellationToken)
    {
        var notMeasured = new List<string>();
        var hyperfine = await Hyperfine.VersionAsync(cancellationToken).ConfigureAwait(false);
        if (hyperfine is null)
        {
            return new StartupResult(null, [], ["every start-up command: hyperfine is not installed (apt-get install hyperfine)"]);
        }

        var commands = new List<(string Key, string Title, string Command)>();
        if (tools.CmmsDb is { Exists: true } cmmsDb)
        {
            commands.Add(("cmmsDbMigrate", "cmms-db migrate", Invariant($"{cmmsDb.FullName} migrate")));
            commands.Add(("cmmsDbStatus", "cmms-db status", Invariant($"{cmmsDb.FullName} status")));
            commands.Add(("cmmsDbAnalyze", "cmms-db analyze", Invariant($"{cmmsDb.FullName} analyze")));
            commands.Add(("cmmsDbStatusControl", "cmms-db status (A/A control)", Invariant($"{cmmsDb.FullName} status")));
        }
        else
        {
            notMeasured.Add(Invariant($"cmms-db migrate, status, analyze: no cmms-db executable at {tools.CmmsDb?.FullName ?? "(none given)"} (build it with dotnet build tools/Cmms.Data.Tool -c Release, or pass --cmms-db)"));
        }

        if (tools.MigrationsProject is { Exists: true } project && await Hyperfine.ToolVersionAsync("dotnet", ["ef", "--version"], cancellationToken).ConfigureAwait(false) is not null)
        {
            commands.Add(("dotnetEfDatabaseUpdate", "dotnet ef database update --no-build", Invariant($"dotnet ef database update --no-build --configuration Release --project {project.FullName}")));
        }
        else
        {
            notMeasured.Add("dotnet ef database update: dotnet ef does not run here (dotnet tool restore in the repository) or the migrations project was not found");
        }

        if (tools.Efbundle is { Exists: true } bundle)
        {
            commands.Add(("efbundle", "efbundle", bundle.FullName));
        }
        else
        {
            notMeasured.Add(Invariant(
                $"efbundle: {(tools.Efbundle is null ? $"none given (--efbundle), none named in {BenchEnvironment.EfbundleVariable} and none at {StartupTools.BuiltEfbundle} (.ci/run builds one)" : "no file at " + tools.Efbundle.FullName)}"));
        }

        if (commands.Count == 0)
        {
            return new StartupResult(hyperfine, [], notMeasured);
        }

        await using var database = await ScratchDatabase.CreateAsync(serverConnectionString, "cmms_bench_startup", cancellationToken).ConfigureAwait(false);
        await MigrationApplier.MigrateAsync(database.ConnectionString, cancellationToken).ConfigureAwait(false);
        await progress.WriteLineAsync(Invariant($"  hyperfine {hyperfine}: {commands.Count} commands, {runs} runs each")).ConfigureAwait(false);
        var times = await Hyperfine.TimeAsync(commands.Select(c => c.Command).ToList(), warmup: 1, runs, database.ConnectionString, cancellationToken).ConfigureAwait(false);
        return new StartupResult(hyperfine, commands.Select((c, i) => new StartupCommand(c.Key, c.Title, Stats.Of(times[i].ToList()))).ToList(), notMeasured);
    }
}
