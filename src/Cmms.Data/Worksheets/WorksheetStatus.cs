namespace Cmms.Data.Worksheets;

/// <summary>The values of <see cref="Worksheet.Status" />.</summary>
public static class WorksheetStatus
{
    /// <summary>Reported, not started.</summary>
    public const string Open = "open";

    /// <summary>A technician is working on it.</summary>
    public const string InProgress = "in_progress";

    /// <summary>Waiting (for parts, for a production stop, …).</summary>
    public const string OnHold = "on_hold";

    /// <summary>Done. Open work is every status but this one (the filter <c>status &lt;&gt; 'closed'</c>).</summary>
    public const string Closed = "closed";
}
