namespace Cmms.Data.Tool.Analysis.Findings;

/// <summary>How urgent a finding is; <c>--fail-on</c> compares against it.</summary>
internal enum FindingSeverity
{
    /// <summary>Worth knowing; a judgement call (an index unused during a short statistics window).</summary>
    Info,

    /// <summary>Costs performance or safety and should be fixed.</summary>
    Warning,

    /// <summary>Broken or about to break: an invalid index, a missing model index, a sequence about to run out.</summary>
    Error,
}

/// <summary>The stable names of <see cref="FindingSeverity" /> values.</summary>
internal static class FindingSeverityNames
{
    public static string Name(this FindingSeverity severity) => severity.ToString().ToLowerInvariant();
}
