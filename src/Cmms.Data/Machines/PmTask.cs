namespace Cmms.Data.Machines;

/// <summary>A preventive maintenance task repeated on a machine every few days.</summary>
public sealed class PmTask
{
    /// <summary>The identity key.</summary>
    public long Id { get; set; }

    /// <summary>The machine maintained.</summary>
    public long MachineId { get; set; }

    /// <summary>The machine maintained.</summary>
    public Machine Machine { get; set; } = null!;

    /// <summary>What to do.</summary>
    public required string Description { get; set; }

    /// <summary>The days between two runs, always positive.</summary>
    public int IntervalDays { get; set; }

    /// <summary>The date the task is due next.</summary>
    public DateOnly NextDueDate { get; set; }

    /// <summary>Whether the task is scheduled.</summary>
    public bool IsActive { get; set; } = true;
}
