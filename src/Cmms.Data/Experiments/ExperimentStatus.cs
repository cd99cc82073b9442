namespace Cmms.Data.Experiments;

/// <summary>The values of <see cref="Experiment.Status" /> and <see cref="HpoCampaign.Status" />.</summary>
public static class ExperimentStatus
{
    /// <summary>Created, waiting for compute.</summary>
    public const string Queued = "queued";

    /// <summary>Training (or, for a campaign, launching trials).</summary>
    public const string Running = "running";

    /// <summary>Finished successfully.</summary>
    public const string Completed = "completed";

    /// <summary>Stopped by an error.</summary>
    public const string Failed = "failed";

    /// <summary>Stopped by a person.</summary>
    public const string Cancelled = "cancelled";
}
