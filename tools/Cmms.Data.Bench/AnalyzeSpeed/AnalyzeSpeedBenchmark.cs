using System.Diagnostics;
using System.Text.Json;
using Cmms.Data.Bench.Benchmarks;
using Cmms.Data.Bench.Schemas;
using Npgsql;
using static System.FormattableString;

namespace Cmms.Data.Bench.AnalyzeSpeed;

/// <summary>
///     Times a whole <c>cmms-db analyze --format json</c> process with hyperfine on a generated catalog
///     (<see cref="SpeedCatalog" />) in a scratch database, after one run whose report is checked against what the
///     generator planted: a fast analyzer that missed findings would measure nothing.
/// </summary>
internal static class AnalyzeSpeedBenchmark
{
    public static async Task<AnalyzeSpeedResult> RunAsync(
        string serverConnectionString,
        SpeedCatalog catalog,
        FileInfo cmmsDb,
        int warmup,
        int runs,
        TextWriter progress,
        CancellationToken cancellationToken)
    {
        var hyperfine = await Hyperfine.VersionAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException("hyperfine is not installed: apt-get install hyperfine, then run again.");
        if (!cmmsDb.Exists)
        {
            throw new InvalidOperationException(Invariant($"No cmms-db executable at {cmmsDb.FullName}: build it (dotnet build tools/Cmms.Data.Tool -c Release) or pass --cmms-db."));
        }

        // Dropping a database of thousands of relations takes longer than Npgsql's default 30 s command timeout on a busy machine.
        var server = new NpgsqlConnectionStringBuilder(serverConnectionString) { CommandTimeout = 600 }.ConnectionString;
        await using var database = await ScratchDatabase.CreateAsync(server, "cmms_analyze_speed", cancellationToken).ConfigureAwait(false);
        await progress.WriteLineAsync(Invariant($"cmms-bench: generating {catalog} in scratch database {database.Name}")).ConfigureAwait(false);
        var generation = Stopwatch.StartNew();
        MachineInfo machine;
        await using (var session = await database.OpenAsync(cancellationToken).ConfigureAwait(false))
        {
            await catalog.CreateAsync(session, cancellationToken).ConfigureAwait(false);
            machine = await MachineInfo.ReadAsync(session, cancellationToken).ConfigureAwait(false);
        }

        generation.Stop();
        await progress.WriteLineAsync(Invariant($"cmms-bench: generated in {generation.Elapsed.TotalSeconds:F1} s; checking one analyze run")).ConfigureAwait(false);

        string[] analyze = ["analyze", "--format", "json"];
        var (exitCode, output, error) = await Hyperfine.RunAsync(cmmsDb.FullName, analyze, database.ConnectionString, cancellationToken).ConfigureAwait(false);
        if (exitCode != 0)
        {
            throw new InvalidOperationException(Invariant($"cmms-db analyze failed (exit code {exitCode}): {error.Trim().Split('\n')[0]}"));
        }

        var reported = Read(output);
        Check(catalog, reported);

        await progress.WriteLineAsync(Invariant($"cmms-bench: hyperfine {hyperfine}, {warmup} warm-up and {runs} measured runs")).ConfigureAwait(false);
        machine = machine with { LoadAverage = MachineInfo.ReadLoadAverage() };
        var times = (await Hyperfine.TimeAsync([string.Join(' ', [cmmsDb.FullName, .. analyze])], warmup, runs, database.ConnectionString, cancellationToken)
            .ConfigureAwait(false))[0];
        return new AnalyzeSpeedResult(
            catalog.Tables,
            catalog.Indexes,
            generation.Elapsed.TotalSeconds,
            reported,
            Stats.Of(times.ToList()),
            times.Average(),
            hyperfine,
            machine,
            MachineInfo.ReadLoadAverage());
    }

    private static ReportedCatalog Read(string json)
    {
        using var document = JsonDocument.Parse(json);
        var summary = document.RootElement.GetProperty("summary");
        var byKind = summary.GetProperty("byKind");
        return new ReportedCatalog(
            summary.GetProperty("tableCount").GetInt32(),
            summary.GetProperty("indexCount").GetInt32(),
            summary.GetProperty("findingCount").GetInt32(),
            byKind.GetProperty("fk_without_index").GetInt32(),
            byKind.GetProperty("duplicate_index").GetInt32(),
            byKind.GetProperty("redundant_index").GetInt32());
    }

    private static void Check(SpeedCatalog catalog, ReportedCatalog reported)
    {
        var (foreignKeys, duplicates, redundant) = catalog.Planted();
        if (reported.TableCount < catalog.Tables || reported.IndexCount < catalog.Indexes
            || (reported.ForeignKeysWithoutIndex, reported.Duplicates, reported.Redundant) != (foreignKeys, duplicates, redundant))
        {
            throw new InvalidOperationException(
                Invariant($"cmms-db analyze did not report the generated catalog: {reported.TableCount} tables, {reported.IndexCount} indexes, ")
                + Invariant($"{reported.ForeignKeysWithoutIndex}/{reported.Duplicates}/{reported.Redundant} fk_without_index/duplicate_index/redundant_index ")
                + Invariant($"where {catalog} and {foreignKeys}/{duplicates}/{redundant} were planted."));
        }
    }
}
