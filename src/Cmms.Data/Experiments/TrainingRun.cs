namespace Cmms.Data.Experiments;

/// <summary>The result of one epoch of an experiment's training.</summary>
public sealed class TrainingRun
{
    /// <summary>The identity key.</summary>
    public long Id { get; set; }

    /// <summary>The experiment trained.</summary>
    public long ExperimentId { get; set; }

    /// <summary>The experiment trained.</summary>
    public Experiment Experiment { get; set; } = null!;

    /// <summary>The epoch number, unique within an experiment and never negative.</summary>
    public int Epoch { get; set; }

    /// <summary>The training loss at the end of the epoch.</summary>
    public double Loss { get; set; }

    /// <summary>The validation accuracy at the end of the epoch, when measured.</summary>
    public double? Accuracy { get; set; }

    /// <summary>When the epoch finished (UTC).</summary>
    public DateTime CreatedAt { get; set; }
}
