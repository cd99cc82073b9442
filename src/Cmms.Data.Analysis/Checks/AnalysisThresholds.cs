namespace Cmms.Data.Analysis.Checks;

/// <summary>The limits the judgement checks use; docs/analyze.md states each one.</summary>
internal static class AnalysisThresholds
{
    /// <summary>An index scanned fewer times than this since the statistics reset is reported unused.</summary>
    public const long UnusedIndexScans = 50;

    /// <summary>A sequence that has used this fraction of its range is a warning…</summary>
    public const double SequenceWarning = 0.75;

    /// <summary>…and this fraction an error.</summary>
    public const double SequenceError = 0.90;

    /// <summary>A btree is reported bloated when at least this fraction of it is estimated to be waste…</summary>
    public const double BloatFraction = 0.5;

    /// <summary>…and the waste is at least this many bytes (smaller indexes are not worth a rebuild).</summary>
    public const long BloatMinimumBytes = 1024 * 1024;

    /// <summary>
    ///     A table read (sequential plus index scans) fewer times than this since the reset is thin evidence too: an
    ///     index of a table nobody queried has not had the chance to be used.
    /// </summary>
    public const long UnusedEvidenceTableReads = 1000;

    /// <summary>Statistics younger than this are thin evidence: an unused index is then only <c>info</c>.</summary>
    public static readonly TimeSpan UnusedEvidenceWindow = TimeSpan.FromDays(7);

    /// <summary>An index whose leading column is at least this fraction NULL (<c>pg_stats.null_frac</c>) is reported…</summary>
    public const double MostlyNullFraction = 0.5;

    /// <summary>…when it takes at least this many bytes (a partial index saves little on a small one).</summary>
    public const long MostlyNullMinimumBytes = 1024 * 1024;

    /// <summary>A heap is reported bloated when at least this fraction of it is estimated to be waste…</summary>
    public const double TableBloatFraction = 0.5;

    /// <summary>…and the waste is at least this many bytes.</summary>
    public const long TableBloatMinimumBytes = 8 * 1024 * 1024;

    /// <summary>A table with fewer live rows than this is cheap to scan: sequential scans on it are never reported.</summary>
    public const long SequentialScanMinimumRows = 10_000;

    /// <summary>Sequential scans must be at least this many since the reset…</summary>
    public const long SequentialScanMinimumScans = 100;

    /// <summary>…make up at least this share of the table's scans…</summary>
    public const double SequentialScanShare = 0.5;

    /// <summary>…and return on average at least this share of the table's rows (a scan stopped by a LIMIT returns few).</summary>
    public const double SequentialScanRowsShare = 0.5;

    /// <summary>A table whose transaction-ID age exceeds this many times its <c>autovacuum_freeze_max_age</c> is a warning…</summary>
    public const double WraparoundWarningFactor = 1.25;

    /// <summary>…and past this age (half of the 2^31 transaction IDs before the server stops assigning them) an error.</summary>
    public const long WraparoundErrorAge = 1L << 30;

    /// <summary>Names within this many bytes of <c>max_identifier_length</c> are info; at the limit, a warning.</summary>
    public const int NameLimitMarginBytes = 3;

    /// <summary>A transaction open longer than this (by default; <see cref="AnalysisOptions.LongTransactionAge" />) is reported.</summary>
    public static readonly TimeSpan LongTransactionAge = TimeSpan.FromMinutes(5);
}
