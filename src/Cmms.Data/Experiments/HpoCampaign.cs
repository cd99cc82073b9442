using Cmms.Data.Users;

namespace Cmms.Data.Experiments;

/// <summary>A hyper-parameter optimization campaign: a search that launches many experiments on one data set.</summary>
public sealed class HpoCampaign
{
    /// <summary>The identity key.</summary>
    public long Id { get; set; }

    /// <summary>The data set the campaign's experiments use.</summary>
    public long DatasetId { get; set; }

    /// <summary>The data set the campaign's experiments use.</summary>
    public Dataset Dataset { get; set; } = null!;

    /// <summary>The user who started the campaign.</summary>
    public long CreatedBy { get; set; }

    /// <summary>The user who started the campaign.</summary>
    public User Creator { get; set; } = null!;

    /// <summary>The campaign status, one of <see cref="ExperimentStatus" />.</summary>
    public string Status { get; set; } = ExperimentStatus.Queued;

    /// <summary>When the campaign was started (UTC).</summary>
    public DateTime CreatedAt { get; set; }
}
