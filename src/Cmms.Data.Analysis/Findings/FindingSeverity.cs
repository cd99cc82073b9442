namespace Cmms.Data.Analysis.Findings;

/// <summary>How urgent a finding is; <c>--fail-on</c> compares against it.</summary>
public enum FindingSeverity
{
    /// <summary>Worth knowing; a judgement call (an index unused during a short statistics window).</summary>
    Info,

    /// <summary>Costs performance or safety and should be fixed.</summary>
    Warning,

    /// <summary>Broken or about to break: an invalid index, a missing model index, a sequence about to run out.</summary>
    Error,
}

/// <summary>The stable names of <see cref="FindingSeverity" /> values.</summary>
public static class FindingSeverityNames
{
    /// <summary>The severity's name in every report and in <c>--fail-on</c>: <c>info</c>, <c>warning</c>, <c>error</c>.</summary>
    /// <param name="severity">The severity.</param>
    /// <returns>Its lower-case name.</returns>
    public static string Name(this FindingSeverity severity) => severity.ToString().ToLowerInvariant();
}
