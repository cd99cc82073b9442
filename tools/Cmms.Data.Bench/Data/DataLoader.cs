using System.Diagnostics;
using System.Globalization;
using Cmms.Data.Bench.Schemas;
using Npgsql;

namespace Cmms.Data.Bench.Data;

/// <summary>
///     Loads the deterministic data set into an empty Cmms.Data schema with binary COPY, table by table in foreign
///     key order, then moves the identity sequences past the loaded ids, refreshes <c>mv_track_popularity</c> and
///     runs <c>VACUUM (ANALYZE)</c> so the planner and the visibility map see the data as a live system would.
/// </summary>
internal static class DataLoader
{
    /// <summary>The seed used unless another is given.</summary>
    public const int DefaultSeed = 20_240_101;

    /// <summary>Every table's generator, in load order (parents before children).</summary>
    public static IReadOnlyList<TableGenerator> Generators { get; } = Ordered();

    public static async Task<LoadReport> LoadAsync(
        NpgsqlConnection connection,
        VolumePlan plan,
        int seed,
        TextWriter? progress,
        CancellationToken cancellationToken)
    {
        var context = new GenerationContext(seed, plan);
        var loads = new List<TableLoad>();
        foreach (var generator in Generators)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var watch = Stopwatch.StartNew();
            long rows;
            await using (var importer = await connection.BeginBinaryImportAsync(
                $"COPY {generator.Table} ({generator.Columns}) FROM STDIN (FORMAT BINARY)", cancellationToken).ConfigureAwait(false))
            {
                var writer = new RowWriter(importer);
                generator.Generate(writer, context);
                rows = writer.Rows;
                await importer.CompleteAsync(cancellationToken).ConfigureAwait(false);
            }

            if (rows != plan[generator.Table])
            {
                throw new InvalidOperationException($"The generator of {generator.Table} wrote {rows} rows instead of {plan[generator.Table]}.");
            }

            loads.Add(new TableLoad(generator.Table, rows, watch.Elapsed));
            if (progress is not null)
            {
                await progress.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {generator.Table,-26} {rows,10:N0} rows {watch.Elapsed.TotalSeconds,7:F2} s")).ConfigureAwait(false);
            }
        }

        foreach (var generator in Generators.Where(g => g.HasIdentity))
        {
            await Statements.ExecuteAsync(connection, $"SELECT setval(pg_get_serial_sequence('{generator.Table}', 'id'), (SELECT max(id) FROM {generator.Table}))", cancellationToken).ConfigureAwait(false);
        }

        var refresh = Stopwatch.StartNew();
        await Statements.ExecuteAsync(connection, "REFRESH MATERIALIZED VIEW mv_track_popularity", cancellationToken).ConfigureAwait(false);
        refresh.Stop();
        var vacuum = Stopwatch.StartNew();
        await Statements.ExecuteAsync(connection, "VACUUM (ANALYZE)", cancellationToken).ConfigureAwait(false);
        return new LoadReport(loads, refresh.Elapsed, vacuum.Elapsed);
    }

    private static TableGenerator[] Ordered()
    {
        var byTable = UsersTables.All().Concat(MachinesTables.All()).Concat(WorksheetsTables.All()).Concat(OrdersTables.All())
            .Concat(InvitationsTables.All()).Concat(ExperimentsTables.All()).Concat(TracksTables.All())
            .ToDictionary(g => g.Table);
        return VolumePlan.Tables.Select(table => byTable[table]).ToArray();
    }
}
