namespace Cmms.Data.Bench.Benchmarks;

/// <summary>Everything one benchmark run measured; <c>results.json</c> is this record serialized.</summary>
internal sealed record BenchResults(
    DateTime Date,
    double Scale,
    int Seed,
    BenchSettings Settings,
    MachineInfo Machine,
    double? LoadAverageAtEnd,
    double DurationSeconds,
    IReadOnlyList<SchemaResult> Schemas,
    IReadOnlyList<QueryResult> Queries,
    IReadOnlyList<WriteResult> Writes,
    MigrationResult Migrations,
    MigrationUnderLoadResult MigrationUnderLoad,
    IReadOnlyList<ParentDeleteResult> ParentDeletes,
    MigrationTimeResult MigrationTime,
    StartupResult Startup,
    IReadOnlyList<TargetResult> Targets);

/// <summary>One schema's database: how its data loaded and how much its indexes weigh.</summary>
/// <param name="Key">unindexed, asDeclared or cmmsData.</param>
/// <param name="Title">The label used in the report.</param>
/// <param name="Rows">Rows loaded.</param>
/// <param name="LoadSeconds">Seconds of binary COPY (generation included).</param>
/// <param name="RowsPerSecond">Load throughput over all tables.</param>
/// <param name="IndexCount">Indexes in the database (tables and the materialized view, keys included).</param>
/// <param name="IndexBytes">Their total size.</param>
/// <param name="Tables">Per table: rows, load time and index size.</param>
internal sealed record SchemaResult(
    string Key,
    string Title,
    long Rows,
    double LoadSeconds,
    double RowsPerSecond,
    int IndexCount,
    long IndexBytes,
    IReadOnlyList<TableResult> Tables);

/// <summary>One table in one schema's database.</summary>
internal sealed record TableResult(string Table, long Rows, double LoadSeconds, int IndexCount, long IndexBytes, IReadOnlyList<string> Indexes);

/// <summary>One catalog query's latency in each schema.</summary>
/// <param name="Id">Q1 … Q25.</param>
/// <param name="Description">What it answers.</param>
/// <param name="ExpectedIndex">The index that should serve it in (c).</param>
/// <param name="Selective">Whether it counts toward the read-speedup target.</param>
/// <param name="Rows">Rows it returns with the chosen parameters.</param>
/// <param name="Parameters">The parameter values (typical, picked from the data).</param>
/// <param name="Schemas">Per schema key: plan and timings.</param>
/// <param name="SpeedupUnindexed">(a)/(c) of the median server execution time.</param>
/// <param name="RatioAsDeclared">(b)/(c) of the median server execution time (below 1: (c) is slower).</param>
/// <param name="ControlRatio">
///     A/A control: the median of a second, interleaved series of (b) runs over the median of (b). Its distance from
///     1 is the measurement noise against which (b)/(c) is read.
/// </param>
internal sealed record QueryResult(
    string Id,
    string Description,
    string ExpectedIndex,
    bool Selective,
    long Rows,
    IReadOnlyList<string> Parameters,
    IReadOnlyDictionary<string, QueryTiming> Schemas,
    double SpeedupUnindexed,
    double RatioAsDeclared,
    double ControlRatio);

/// <summary>A query in one schema: the indexes its plan reads, server execution time and client round trip (ms).</summary>
internal sealed record QueryTiming(IReadOnlyList<string> Indexes, bool SequentialScan, Stats Server, Stats Client);

/// <summary>Write cost on one write-heavy table, per schema key.</summary>
internal sealed record WriteResult(string Table, IReadOnlyDictionary<string, WriteTiming> Schemas);

/// <summary>
///     Write cost on one table in one schema. Bulk: rows per second of a repeated multi-row INSERT … SELECT (median of
///     the runs, rolled back each time), and of the one-shot binary COPY that loaded the table. Single-row INSERT and
///     UPDATE latency (ms) as the client sees it (autocommit, commit included) and as the server executes it
///     (<c>EXPLAIN (ANALYZE)</c>: index maintenance and foreign-key checks).
/// </summary>
internal sealed record WriteTiming(
    double BulkRowsPerSecond,
    int BulkBatchRows,
    double LoadRowsPerSecond,
    int IndexCount,
    Stats InsertClient,
    Stats InsertServer,
    Stats UpdateClient,
    Stats UpdateServer);

/// <summary>Applying all migrations to an empty database, and re-running them with nothing to do (milliseconds).</summary>
internal sealed record MigrationResult(Stats Apply, Stats Rerun);

/// <summary>One target of the issue, judged on this run.</summary>
/// <param name="Name">What is judged.</param>
/// <param name="Target">The threshold, as text.</param>
/// <param name="Measured">The measured figure, as text.</param>
/// <param name="Holds">Whether the target holds.</param>
/// <param name="Explanation">Why it does not hold (or what it rests on), from the measured data.</param>
internal sealed record TargetResult(string Name, string Target, string Measured, bool Holds, string Explanation);
