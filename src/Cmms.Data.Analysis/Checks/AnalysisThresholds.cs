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
}
