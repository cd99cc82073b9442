using Cmms.Data.Conventions.Diagnostics;
using Cmms.Data.Conventions.Diagnostics.Internal;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Cmms.Data.Conventions.Migrations.Linting;

/// <summary>Writes lint findings through EF Core's diagnostics, in the <see cref="DbLoggerCategory.Migrations" /> category.</summary>
internal sealed class MigrationLintLogger(IDiagnosticsLogger<DbLoggerCategory.Migrations> logger, CmmsLoggingDefinitions definitions)
{
    public void Log(MigrationLintFinding finding)
    {
        var definition = finding switch
        {
            { IsAcknowledged: true } => CmmsLoggingDefinitions.GetOrCreate(
                ref definitions.LogMigrationLintAcknowledged, logger, static o => Define(o, CmmsEventId.MigrationLintAcknowledged, LogLevel.Debug)),
            { Severity: MigrationLintSeverity.Error } => CmmsLoggingDefinitions.GetOrCreate(
                ref definitions.LogMigrationLintError, logger, static o => Define(o, CmmsEventId.MigrationLintError, LogLevel.Warning)),
            _ => CmmsLoggingDefinitions.GetOrCreate(
                ref definitions.LogMigrationLintWarning, logger, static o => Define(o, CmmsEventId.MigrationLintWarning, LogLevel.Warning)),
        };

        logger.Write(
            definition,
            l => definition.Log(l, finding.Source, Rule(finding), finding.Subject, finding.Why, SafeWay(finding)),
            () => new MigrationLintEventData(definition, GenerateMessage, finding));
    }

    private static string Rule(MigrationLintFinding finding) => $"{finding.RuleId} {finding.RuleName} ({finding.Severity})";

    private static string SafeWay(MigrationLintFinding finding)
        => finding.IsAcknowledged ? $"{finding.SafeWay} Acknowledged: {finding.AcknowledgedReason}" : finding.SafeWay;

    // Every lint message takes (source, rule, subject, why, safeWay): LoggerMessage fills the placeholders by position.
    private static EventDefinition<string, string, string, string, string> Define(ILoggingOptions options, EventId eventId, LogLevel level)
        => new(
            options,
            eventId,
            level,
            nameof(CmmsEventId) + "." + eventId.Name![(eventId.Name!.LastIndexOf('.') + 1)..],
            l => LoggerMessage.Define<string, string, string, string, string>(
                l, eventId, "Migration {Source}: {Rule} {Subject}. {Why} Safe way: {SafeWay}"));

    private static string GenerateMessage(EventDefinitionBase definition, EventData payload)
    {
        var finding = ((MigrationLintEventData)payload).Finding;
        return ((EventDefinition<string, string, string, string, string>)definition)
            .GenerateMessage(finding.Source, Rule(finding), finding.Subject, finding.Why, SafeWay(finding));
    }
}
