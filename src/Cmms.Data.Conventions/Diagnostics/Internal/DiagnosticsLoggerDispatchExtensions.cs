using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Cmms.Data.Conventions.Diagnostics.Internal;

/// <summary>
///     The one way Cmms.Data writes an event, as EF Core's own logger extensions do: to the <c>ILogger</c> when
///     <see cref="IDiagnosticsLogger.ShouldLog" /> says so (which is also where a warning configured to throw throws), then
///     as <see cref="EventData" /> to <see cref="System.Diagnostics.DiagnosticListener" /> subscribers and
///     <c>LogTo</c> when they listen.
/// </summary>
internal static class DiagnosticsLoggerDispatchExtensions
{
    public static void Write<TLoggerCategory>(
        this IDiagnosticsLogger<TLoggerCategory> logger,
        EventDefinitionBase definition,
        Action<IDiagnosticsLogger<TLoggerCategory>> log,
        Func<EventData> createEventData)
        where TLoggerCategory : LoggerCategory<TLoggerCategory>, new()
    {
        if (logger.ShouldLog(definition))
        {
            log(logger);
        }

        if (logger.NeedsEventData(definition, out var diagnosticSourceEnabled, out var simpleLogEnabled))
        {
            logger.DispatchEventData(definition, createEventData(), diagnosticSourceEnabled, simpleLogEnabled);
        }
    }
}
