using Cmms.Data.Analysis.Sql;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Cmms.Data.Tool.Lint;

/// <summary>The lint report as Markdown, for a pull-request comment: a table of findings, then why and the safe way per rule.</summary>
internal static partial class LintMarkdownWriter
{
    public static string Write(LintReport report)
    {
        var text = new StringBuilder();
        text.AppendLine("## cmms-db lint").AppendLine();
        text.AppendLine(Escape(report.Headline) + ".").AppendLine();
        if (report.Findings.Count == 0)
        {
            return text.ToString();
        }

        text.AppendLine("| Severity | Rule | Migration | Operation | Acknowledged |");
        text.AppendLine("|---|---|---|---|---|");
        foreach (var finding in report.Findings)
        {
            text.AppendLine(
                CultureInfo.InvariantCulture,
                $"| {finding.Severity} | {finding.RuleId} {finding.RuleName} | {Escape(finding.Source)} | {Escape(finding.Subject)} | "
                + $"{(finding.IsAcknowledged ? Escape(finding.AcknowledgedReason!) : "")} |");
        }

        text.AppendLine();
        foreach (var rule in report.Findings.DistinctBy(f => f.RuleId).OrderBy(f => f.RuleId, StringComparer.Ordinal))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- **{rule.RuleId} {rule.RuleName}**: {rule.Why} *Safe way:* {rule.SafeWay}");
        }

        return text.ToString();
    }

    // Text from migrations and scripts (names, reasons): Markdown's punctuation is escaped, and control characters dropped, so a name cannot break the table or inject markup.
    private static string Escape(string text) => MarkdownPunctuation().Replace(UnprintableText.Escape(text), @"\$0");

    [GeneratedRegex(@"[\\`*_{}\[\]<>()#+\-!|~]")]
    private static partial Regex MarkdownPunctuation();
}
