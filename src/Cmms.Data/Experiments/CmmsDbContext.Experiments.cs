using Cmms.Data.Experiments;
using Microsoft.EntityFrameworkCore;

namespace Cmms.Data;

public partial class CmmsDbContext
{
    /// <summary>The data sets experiments train on.</summary>
    public DbSet<Dataset> Datasets => Set<Dataset>();

    /// <summary>The hyper-parameter optimization campaigns.</summary>
    public DbSet<HpoCampaign> HpoCampaigns => Set<HpoCampaign>();

    /// <summary>The experiments.</summary>
    public DbSet<Experiment> Experiments => Set<Experiment>();

    /// <summary>The per-epoch results of the experiments.</summary>
    public DbSet<TrainingRun> TrainingRuns => Set<TrainingRun>();

    /// <summary>The tags experiments are grouped by.</summary>
    public DbSet<Tag> Tags => Set<Tag>();

    /// <summary>The tags put on experiments.</summary>
    public DbSet<ExperimentTag> ExperimentTags => Set<ExperimentTag>();

    /// <summary>How users want to be notified, per event type.</summary>
    public DbSet<NotificationPreference> NotificationPreferences => Set<NotificationPreference>();

    /// <summary>The requests made with API keys.</summary>
    public DbSet<ApiRequestLog> ApiRequestLogs => Set<ApiRequestLog>();
}
