using Cmms.Data.Analysis.Sql;
using System.Globalization;
using System.Text;

namespace Cmms.Data.Tool.Lint;

/// <summary>The lint report for a terminal: one block per finding, then the counts.</summary>
internal static class LintTextWriter
{
    public static string Write(LintReport report)
    {
        var text = new StringBuilder();
        foreach (var finding in report.Findings)
        {
            var state = finding.IsAcknowledged ? "acknowledged" : finding.Severity.ToString().ToLowerInvariant();
            text.AppendLine(CultureInfo.InvariantCulture, $"{state} {finding.RuleId} {finding.RuleName} in {UnprintableText.Escape(finding.Source)}: {UnprintableText.Escape(finding.Subject)}");
            text.AppendLine(CultureInfo.InvariantCulture, $"  why: {finding.Why}");
            text.AppendLine(CultureInfo.InvariantCulture, $"  safe way: {finding.SafeWay}");
            if (finding.IsAcknowledged)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  acknowledged: {UnprintableText.Escape(finding.AcknowledgedReason!)}");
            }
        }

        text.AppendLine(UnprintableText.Escape(report.Headline) + ".");
        return text.ToString();
    }
}
