using Cmms.Data.Users;

namespace Cmms.Data.Experiments;

/// <summary>A tag put on an experiment; the pair (experiment, tag) is the key.</summary>
public sealed class ExperimentTag
{
    /// <summary>The tagged experiment.</summary>
    public long ExperimentId { get; set; }

    /// <summary>The tagged experiment.</summary>
    public Experiment Experiment { get; set; } = null!;

    /// <summary>The tag.</summary>
    public long TagId { get; set; }

    /// <summary>The tag.</summary>
    public Tag Tag { get; set; } = null!;

    /// <summary>The user who put the tag on.</summary>
    public long AddedBy { get; set; }

    /// <summary>The user who put the tag on.</summary>
    public User AddedByUser { get; set; } = null!;
}
