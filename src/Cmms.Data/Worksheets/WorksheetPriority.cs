namespace Cmms.Data.Worksheets;

/// <summary>The values of <see cref="Worksheet.Priority" />.</summary>
public static class WorksheetPriority
{
    /// <summary>When convenient.</summary>
    public const string Low = "low";

    /// <summary>In the normal course of work.</summary>
    public const string Normal = "normal";

    /// <summary>Before other work.</summary>
    public const string High = "high";

    /// <summary>Production is stopped: now.</summary>
    public const string Critical = "critical";
}
