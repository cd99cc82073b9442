using System.Globalization;
using System.Text;

namespace Cmms.Data.SafeSchemaBench;

/// <summary>Writes the measurements as the Markdown note docs/benchmarks/safe-schema-changes.md.</summary>
internal static class BenchReport
{
    public static string Write(IReadOnlyList<Measurement> measurements, int rows, int repetitions, TimeSpan lockTimeout, string serverVersion)
    {
        var text = new StringBuilder();
        text.AppendLine("# Safe schema changes: plain EF Core SQL vs Cmms.Data's rewrites").AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Written by `dotnet run -c Release --project tools/Cmms.Data.SafeSchemaBench` on {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC.");
        text.AppendLine(CultureInfo.InvariantCulture, $"PostgreSQL {serverVersion} (throwaway cluster, fsync off), {Environment.ProcessorCount} cores. ");
        text.AppendLine("**The machine was shared with other jobs while measuring: the figures are noisy; compare the two forms, not absolute values.**").AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Each change runs on a freshly built table of {rows:N0} rows while one session inserts a row and updates a random row without pause. ");
        text.AppendLine(CultureInfo.InvariantCulture,
            $"*Longest writer wait* is the writer's slowest statement during the migration (lock waits included); the rewrite runs with lock_timeout = {lockTimeout.TotalMilliseconds:0} ms. ");
        text.AppendLine(CultureInfo.InvariantCulture, $"Median and worst of {repetitions} runs per form.").AppendLine();
        text.AppendLine("| Change | Form | Migration time, median (worst) | Longest writer wait, median (worst) | Writer statements meanwhile, median |");
        text.AppendLine("|---|---|---|---|---|");
        foreach (var group in measurements.GroupBy(m => (m.Change, m.Rewritten)))
        {
            var runs = group.ToList();
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {group.Key.Change} | {(group.Key.Rewritten ? "Cmms.Data rewrite" : "plain (EF Core/Npgsql)")} "
                + $"| {Ms(Median(runs.Select(r => r.MigrationTime)))} ({Ms(runs.Max(r => r.MigrationTime))}) "
                + $"| {Ms(Median(runs.Select(r => r.LongestWriterWait)))} ({Ms(runs.Max(r => r.LongestWriterWait))}) "
                + $"| {Median(runs.Select(r => r.WriterStatements))} |");
        }

        return text.ToString();
    }

    private static T Median<T>(IEnumerable<T> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    private static string Ms(TimeSpan value) => value.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture) + " ms";
}
