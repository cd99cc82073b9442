using System.Globalization;
using Npgsql;

namespace Cmms.Data.Bench.Benchmarks;

/// <summary>The machine and server a benchmark ran on, so its figures can be read in context.</summary>
/// <param name="Cores">Logical processors.</param>
/// <param name="MemoryBytes">Physical memory.</param>
/// <param name="PostgresVersion">The server's <c>server_version</c>.</param>
/// <param name="OperatingSystem">The operating system description.</param>
/// <param name="LoadAverage">The 1-minute load average when the run started (other work on the machine skews timings).</param>
/// <param name="Settings">Server settings that shape the timings (shared_buffers, jit, fsync …).</param>
internal sealed record MachineInfo(
    int Cores,
    long MemoryBytes,
    string PostgresVersion,
    string OperatingSystem,
    double? LoadAverage,
    IReadOnlyDictionary<string, string> Settings)
{
    /// <summary>Physical memory in GiB, for people.</summary>
    public string Memory => (MemoryBytes / 1073741824.0).ToString("0.0 'GiB'", CultureInfo.InvariantCulture);

    private static readonly string[] SettingNames =
    [
        "shared_buffers", "work_mem", "effective_cache_size", "random_page_cost", "max_parallel_workers_per_gather",
        "jit", "fsync", "synchronous_commit",
    ];

    public static async Task<MachineInfo> ReadAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var settings = new SortedDictionary<string, string>(StringComparer.Ordinal);
        await using (var command = new NpgsqlCommand("SELECT name, current_setting(name) FROM pg_settings WHERE name = ANY($1)", connection))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = SettingNames });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                settings[reader.GetString(0)] = reader.GetString(1);
            }
        }

        await using var version = new NpgsqlCommand("SHOW server_version", connection);
        return new MachineInfo(
            Environment.ProcessorCount,
            GC.GetGCMemoryInfo().TotalAvailableMemoryBytes,
            (string)(await version.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!,
            System.Runtime.InteropServices.RuntimeInformation.OSDescription,
            ReadLoadAverage(),
            settings);
    }

    /// <summary>The 1-minute load average from <c>/proc/loadavg</c>, where there is one.</summary>
    public static double? ReadLoadAverage()
    {
        try
        {
            var first = File.ReadAllText("/proc/loadavg").Split(' ')[0];
            return double.Parse(first, CultureInfo.InvariantCulture);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
        {
            return null;
        }
    }
}
