using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Cmms.Data.AdviseBench;
using Cmms.Data.Tool.Workload.Bench;
using Cmms.Data.Tool.Workload.Catalog;
using Cmms.Data.Tool.Workload.Plans;

// Usage: Cmms.Data.AdviseBench demo [scale]           prepares the demo database, prints its connection string, keeps it until Enter
//        Cmms.Data.AdviseBench bench [scale] [report.md] times whole-process cmms-db advise and the advised queries before and after
var mode = args.Length > 0 ? args[0] : "bench";
if (mode is not ("demo" or "bench"))
{
    await Console.Error.WriteLineAsync("usage: Cmms.Data.AdviseBench demo [scale] | bench [scale] [report.md]").ConfigureAwait(false);
    return 2;
}

var scale = args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : mode == "demo" ? 0.1 : 1.0;
var output = args.Length > 2 ? args[2] : null;
const int WorkloadRuns = 3;
const int AdviseRuns = 5;
const int Warmup = 3;
const int Samples = 21;

var setup = Stopwatch.StartNew();
await using var demo = await AdviseDemoDatabase.CreateAsync(scale, AdviseDemoDatabase.Dropped.Values, WorkloadRuns, CancellationToken.None).ConfigureAwait(false);
Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"prepared the database at scale {scale} in {setup.Elapsed.TotalSeconds:F0} s"));

if (mode == "demo")
{
    Console.WriteLine(demo.ConnectionString);
    await Console.Error.WriteLineAsync("Run: cmms-db advise --connection \"<the line above>\". Press Enter to stop the server and delete it.").ConfigureAwait(false);
    await Console.In.ReadLineAsync().ConfigureAwait(false);
    return 0;
}

MachineInfo machine;
await using (var connection = await demo.OpenAsync().ConfigureAwait(false))
{
    machine = await MachineInfo.ReadAsync(connection, CancellationToken.None).ConfigureAwait(false);
}

// Whole process, as a person runs it: .NET start, model build, pg_stat_statements, planning, HypoPG, output.
var cmmsDb = Path.Combine(AppContext.BaseDirectory, "cmms-db.dll");
var wall = new List<double>();
string json = string.Empty;
for (var run = 0; run < AdviseRuns; run++)
{
    var watch = Stopwatch.StartNew();
    json = await CmmsDbProcess.RunAsync(cmmsDb, "advise", "--connection", demo.ConnectionString, "--format", "json").ConfigureAwait(false);
    wall.Add(watch.Elapsed.TotalMilliseconds);
}

using var advice = JsonDocument.Parse(json);
var proposals = advice.RootElement.GetProperty("proposals").EnumerateArray().ToList();
var advised = QueryCatalog.All
    .Select(q => (Query: q, Proposal: proposals.FirstOrDefault(p => p.GetProperty("statements").EnumerateArray().Any(s => Same(s.GetProperty("sql").GetString()!, q)))))
    .Where(x => x.Proposal.ValueKind == JsonValueKind.Object)
    .ToList();

var before = new Dictionary<string, Stats>();
foreach (var (query, _) in advised)
{
    before[query.Id] = await TimeAsync(query).ConfigureAwait(false);
}

await using (var connection = await demo.OpenAsync().ConfigureAwait(false))
{
    foreach (var sql in proposals.Select(p => p.GetProperty("createSql").GetString()!)
                 .Concat(proposals.SelectMany(p => p.GetProperty("replaces").EnumerateArray().Select(r => r.GetProperty("dropSql").GetString()!))))
    {
        await AdviseDemoDatabase.ExecuteAsync(connection, sql).ConfigureAwait(false);
    }

    await AdviseDemoDatabase.ExecuteAsync(connection, "ANALYZE").ConfigureAwait(false);
}

var report = new StringBuilder();
report.AppendLine(CultureInfo.InvariantCulture, $"| query | proposal | median before (ms) | median after (ms) | speed-up | plan after |");
report.AppendLine("|---|---|---:|---:|---:|---|");
await using (var connection = await demo.OpenAsync().ConfigureAwait(false))
{
    foreach (var (query, proposal) in advised)
    {
        var after = await TimeAsync(query).ConfigureAwait(false);
        var plan = await QueryRunner.ExplainAsync(connection, query, demo.Parameters[query.Id], timing: false, CancellationToken.None).ConfigureAwait(false);
        report.AppendLine(CultureInfo.InvariantCulture,
            $"| {query.Id} | `{proposal.GetProperty("name").GetString()}` | {before[query.Id].Median:F3} | {after.Median:F3} | {before[query.Id].Median / after.Median:F1}× | {(plan.Indexes.Count > 0 ? string.Join(", ", plan.Indexes) : "no index")} |");
    }
}

var text = new StringBuilder()
    .AppendLine("# cmms-db advise: advice time and the speed-up of the advised queries")
    .AppendLine()
    .AppendLine("Written by `dotnet run -c Release --project tools/Cmms.Data.AdviseBench -- bench " + scale.ToString(CultureInfo.InvariantCulture) + " docs/benchmarks/advise.md`.")
    .AppendLine("The machine was shared with other builds and test runs while this was measured (see the load average below, on")
    .AppendLine("2 cores): every timing here is noisy and slower than on an idle machine. The advised queries' times are medians of")
    .AppendLine("repeated runs, the advice's the median of whole-process runs; costs behind the advice are the planner's estimates.")
    .AppendLine()
    .AppendLine(CultureInfo.InvariantCulture, $"Scale {scale}, {QueryCatalog.All.Count} catalog queries × {WorkloadRuns} runs in pg_stat_statements; dropped: {string.Join(", ", AdviseDemoDatabase.Dropped.Values)}; added {AdviseDemoDatabase.PrefixIndex}.")
    .AppendLine()
    .AppendLine(CultureInfo.InvariantCulture, $"Whole-process `cmms-db advise` (`dotnet cmms-db.dll advise --format json`, .NET start and EF Core model build included; target ≤ 10 s; {AdviseRuns} runs): median {Stats.Of(wall).Median / 1000:F2} s, slowest {wall.Max() / 1000:F2} s; the advice itself (elapsedMs of the last run): {advice.RootElement.GetProperty("elapsedMs").GetDouble() / 1000:F2} s for {advice.RootElement.GetProperty("statementsPlanned").GetInt32()} planned statements, {proposals.Count} proposals.")
    .AppendLine()
    .AppendLine(CultureInfo.InvariantCulture, $"Advised queries, executed {Samples} times after {Warmup} warm-up runs, before and after applying the advice's SQL:")
    .AppendLine()
    .Append(report)
    .AppendLine()
    .AppendLine(CultureInfo.InvariantCulture, $"Machine: {machine.Cores} cores, {machine.Memory}, {machine.OperatingSystem}, PostgreSQL {machine.PostgresVersion}, 1-minute load average {machine.LoadAverage?.ToString("F2", CultureInfo.InvariantCulture) ?? "unknown"} at the start ({string.Join(", ", machine.Settings.Select(s => $"{s.Key}={s.Value}"))}).")
    .ToString();
if (output is null)
{
    Console.Write(text);
}
else
{
    await File.WriteAllTextAsync(output, text).ConfigureAwait(false);
}

return 0;

async Task<Stats> TimeAsync(CatalogQuery query)
{
    await using var connection = await demo.OpenAsync().ConfigureAwait(false);
    var samples = new List<double>();
    for (var run = 0; run < Warmup + Samples; run++)
    {
        var watch = Stopwatch.StartNew();
        await QueryRunner.ExecuteAsync(connection, query, demo.Parameters[query.Id], CancellationToken.None).ConfigureAwait(false);
        if (run >= Warmup)
        {
            samples.Add(watch.Elapsed.TotalMilliseconds);
        }
    }

    return Stats.Of(samples);
}

// pg_stat_statements replaces the literal LIMIT with a parameter; the rest of the text is the catalog's.
static bool Same(string sql, CatalogQuery query)
{
    var limit = query.Sql.IndexOf(" LIMIT ", StringComparison.Ordinal);
    return limit < 0 ? sql == query.Sql : sql.StartsWith(query.Sql[..limit] + " LIMIT $", StringComparison.Ordinal);
}
