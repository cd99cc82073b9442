using System.Globalization;
using Cmms.Data.LocalPostgres;
using Cmms.Data.SafeSchemaBench;
using Npgsql;

// Usage: dotnet run -c Release --project tools/Cmms.Data.SafeSchemaBench [-- ROWS REPETITIONS OUTPUT]
var rows = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : BusyTable.DefaultRows;
var repetitions = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
var output = args.Length > 2 ? args[2] : Path.Combine("docs", "benchmarks", "safe-schema-changes.md");
var lockTimeout = TimeSpan.FromSeconds(2);

await using var cluster = await LocalPostgresCluster.StartThrowawayAsync();
await using (var admin = new NpgsqlConnection(cluster.ConnectionString))
{
    await admin.OpenAsync();
    await using var create = new NpgsqlCommand("CREATE DATABASE safe_schema_bench", admin);
    await create.ExecuteNonQueryAsync();
}

var connectionString = cluster.GetConnectionString("safe_schema_bench");
string serverVersion;
await using (var connection = new NpgsqlConnection(connectionString))
{
    await connection.OpenAsync();
    serverVersion = connection.PostgreSqlVersion.ToString();
}

var runner = new SchemaChangeRunner(connectionString, rows, lockTimeout);
var measurements = new List<Measurement>();
foreach (var change in SchemaChange.All)
{
    for (var run = 0; run < repetitions; run++)
    {
        // Alternate the forms so that neither always runs on a warmer cache.
        foreach (var rewritten in run % 2 == 0 ? new[] { false, true } : [true, false])
        {
            var measurement = await runner.RunAsync(change, rewritten);
            measurements.Add(measurement);
            Console.Error.WriteLine(
                $"{change.Name} {(rewritten ? "rewrite" : "plain")}: migration {measurement.MigrationTime.TotalMilliseconds:0} ms, "
                + $"longest writer wait {measurement.LongestWriterWait.TotalMilliseconds:0} ms");
        }
    }
}

Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
var ordered = SchemaChange.All.SelectMany(c => measurements.Where(m => m.Change == c.Name).OrderBy(m => m.Rewritten)).ToList();
await File.WriteAllTextAsync(output, BenchReport.Write(ordered, rows, repetitions, lockTimeout, serverVersion));
Console.Error.WriteLine($"Wrote {output}");
