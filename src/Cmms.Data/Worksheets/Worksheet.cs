using Cmms.Data.Machines;
using Cmms.Data.Users;
using NpgsqlTypes;

namespace Cmms.Data.Worksheets;

/// <summary>A maintenance work order on a machine, with the parts used on it.</summary>
public sealed class Worksheet
{
    /// <summary>The identity key.</summary>
    public long Id { get; set; }

    /// <summary>The machine worked on.</summary>
    public long MachineId { get; set; }

    /// <summary>The machine worked on.</summary>
    public Machine Machine { get; set; } = null!;

    /// <summary>The user who opened the worksheet.</summary>
    public long CreatedByUserId { get; set; }

    /// <summary>The user who opened the worksheet.</summary>
    public User CreatedByUser { get; set; } = null!;

    /// <summary>The technician the work is assigned to, if any.</summary>
    public long? AssignedToUserId { get; set; }

    /// <summary>The technician the work is assigned to, if any.</summary>
    public User? AssignedToUser { get; set; }

    /// <summary>The worksheet status, one of <see cref="WorksheetStatus" />.</summary>
    public string Status { get; set; } = WorksheetStatus.Open;

    /// <summary>The urgency, one of <see cref="WorksheetPriority" />.</summary>
    public string Priority { get; set; } = WorksheetPriority.Normal;

    /// <summary>A one-line summary of the work.</summary>
    public required string Title { get; set; }

    /// <summary>The full description of the fault or the work, if any.</summary>
    public string? Description { get; set; }

    /// <summary>When the worksheet was opened (UTC).</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>When the worksheet was closed (UTC), if it was.</summary>
    public DateTime? ClosedAt { get; set; }

    /// <summary>
    ///     The full-text document of <see cref="Title" /> and <see cref="Description" /> ('english'), computed by
    ///     PostgreSQL (a stored generated column): query it, never set it.
    /// </summary>
    public NpgsqlTsVector SearchVector { get; set; } = null!;

    /// <summary>The parts used on the worksheet.</summary>
    public ICollection<WorksheetPart> Parts { get; } = [];
}
