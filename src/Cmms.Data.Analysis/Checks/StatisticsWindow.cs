using Cmms.Data.Analysis.Catalog;
using Cmms.Data.Analysis.Findings;

namespace Cmms.Data.Analysis.Checks;

/// <summary>
///     How much the cumulative statistics since their last reset can prove: the checks that judge by counters
///     (<c>unused_index</c>, <c>sequentially_scanned_table</c>) warn only when the reset is at least
///     <see cref="AnalysisThresholds.UnusedEvidenceWindow" /> old, and say why it is too early otherwise.
/// </summary>
internal sealed class StatisticsWindow
{
    private StatisticsWindow(string since, string? tooEarly)
    {
        Since = since;
        TooEarly = tooEarly;
    }

    /// <summary>Since when the counters count, for a sentence: "the statistics reset at … (9 days ago)".</summary>
    public string Since { get; }

    /// <summary>Why the window is too short to judge, or null when it is long enough.</summary>
    public string? TooEarly { get; }

    public static StatisticsWindow Of(DatabaseFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);

        if (facts.StatisticsResetAt is not { } reset)
        {
            // Without a reset time the window is unknown (a database migrated minutes ago looks the same).
            return new StatisticsWindow(
                "statistics began (never reset)",
                "the statistics were never reset, so how long they cover is unknown");
        }

        var window = facts.ServerTime - reset;
        return new StatisticsWindow(
            $"the statistics reset at {FindingText.Time(reset)} ({Age(window)} ago)",
            window < AnalysisThresholds.UnusedEvidenceWindow
                ? $"the statistics cover only {Age(window)} ({(int)AnalysisThresholds.UnusedEvidenceWindow.TotalDays} days needed)"
                : null);
    }

    public static string Age(TimeSpan age) => age switch
    {
        { TotalDays: >= 2 } => $"{(int)age.TotalDays} days",
        { TotalHours: >= 2 } => $"{(int)age.TotalHours} hours",
        _ => $"{Math.Max(0, (int)age.TotalMinutes)} minutes",
    };
}
