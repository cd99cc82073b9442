namespace Cmms.Data.Experiments;

/// <summary>The values of <see cref="NotificationPreference.EventType" />.</summary>
public static class NotificationEventType
{
    /// <summary>An experiment completed.</summary>
    public const string ExperimentCompleted = "experiment_completed";

    /// <summary>An experiment failed.</summary>
    public const string ExperimentFailed = "experiment_failed";

    /// <summary>A hyper-parameter optimization campaign finished.</summary>
    public const string CampaignFinished = "campaign_finished";
}
