namespace Cmms.Data.Bench.Data;

/// <summary>How long loading one table took.</summary>
/// <param name="Table">The table.</param>
/// <param name="Rows">Rows copied.</param>
/// <param name="Elapsed">Generation and binary COPY of those rows (the table's indexes and foreign keys in place).</param>
internal sealed record TableLoad(string Table, long Rows, TimeSpan Elapsed)
{
    public double RowsPerSecond => Rows / Math.Max(Elapsed.TotalSeconds, 1e-9);
}

/// <summary>The outcome of loading a data set: per-table COPY timings and the work after it.</summary>
internal sealed record LoadReport(IReadOnlyList<TableLoad> Tables, TimeSpan Refresh, TimeSpan VacuumAnalyze)
{
    public long Rows => Tables.Sum(t => t.Rows);

    public TimeSpan Copy => TimeSpan.FromTicks(Tables.Sum(t => t.Elapsed.Ticks));

    /// <summary>Rows per second of the COPY phase (generation included, refresh and ANALYZE excluded).</summary>
    public double RowsPerSecond => Rows / Math.Max(Copy.TotalSeconds, 1e-9);

    public TableLoad this[string table] => Tables.Single(t => t.Table == table);
}
