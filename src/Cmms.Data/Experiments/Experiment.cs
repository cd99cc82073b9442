using System.Text.Json;
using Cmms.Data.Users;

namespace Cmms.Data.Experiments;

/// <summary>One training configuration run against a data set, with its resulting metrics.</summary>
public sealed class Experiment
{
    /// <summary>The identity key.</summary>
    public long Id { get; set; }

    /// <summary>The data set trained on.</summary>
    public long DatasetId { get; set; }

    /// <summary>The data set trained on.</summary>
    public Dataset Dataset { get; set; } = null!;

    /// <summary>The campaign that launched the experiment, if any.</summary>
    public long? HpoCampaignId { get; set; }

    /// <summary>The campaign that launched the experiment, if any.</summary>
    public HpoCampaign? HpoCampaign { get; set; }

    /// <summary>The user who created the experiment.</summary>
    public long CreatedBy { get; set; }

    /// <summary>The user who created the experiment.</summary>
    public User Creator { get; set; } = null!;

    /// <summary>The display name.</summary>
    public required string Name { get; set; }

    /// <summary>The experiment status, one of <see cref="ExperimentStatus" />.</summary>
    public string Status { get; set; } = ExperimentStatus.Queued;

    /// <summary>The hyper-parameters and training settings (jsonb), searched by containment (Q17).</summary>
    public JsonDocument? Config { get; set; }

    /// <summary>The final metrics (jsonb).</summary>
    public JsonDocument? Metrics { get; set; }

    /// <summary>When the experiment was created (UTC).</summary>
    public DateTime CreatedAt { get; set; }
}
