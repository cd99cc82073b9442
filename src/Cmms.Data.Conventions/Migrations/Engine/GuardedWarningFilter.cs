using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Cmms.Data.Conventions.Migrations.Engine;

/// <summary>
///     EF Core's migrations logger as the safe migrator's base class sees it: everything passes through, except EF Core's
///     <see cref="RelationalEventId.NonTransactionalMigrationOperationWarning" /> for a migration whose statements outside a
///     transaction are all the engine's guarded, rerunnable ones (<see cref="MigrationRunState.OnlyGuardedOutsideTransaction" />).
///     Its advice, to revert such a migration by hand when it fails, is wrong for those: a rerun resumes it. The safe
///     migrator logs <see cref="SafeMigrationsEventId.RerunnableOutsideTransaction" /> for them instead.
/// </summary>
/// <remarks>
///     EF Core's migrator logs that warning right after generating a migration's SQL (<c>Migrator.GetMigrationCommandLists</c>),
///     so the run state still describes the migration the warning is about. Migrations with other statements outside a
///     transaction (<c>Sql(…, suppressTransaction: true)</c>) keep EF Core's warning.
/// </remarks>
internal sealed class GuardedWarningFilter(IDiagnosticsLogger<DbLoggerCategory.Migrations> inner, MigrationRunState run)
    : IDiagnosticsLogger<DbLoggerCategory.Migrations>
{
    public ILoggingOptions Options => inner.Options;

    public LoggingDefinitions Definitions => inner.Definitions;

    public ILogger Logger => inner.Logger;

    public DiagnosticSource DiagnosticSource => inner.DiagnosticSource;

    public IDbContextLogger DbContextLogger => inner.DbContextLogger;

    public IInterceptors? Interceptors => inner.Interceptors;

    public bool ShouldLogSensitiveData() => inner.ShouldLogSensitiveData();

    public bool ShouldLog(EventDefinitionBase definition) => !Suppressed(definition) && inner.ShouldLog(definition);

    public bool NeedsEventData(EventDefinitionBase definition, out bool diagnosticSourceEnabled, out bool simpleLogEnabled)
    {
        if (Suppressed(definition))
        {
            diagnosticSourceEnabled = false;
            simpleLogEnabled = false;
            return false;
        }

        return inner.NeedsEventData(definition, out diagnosticSourceEnabled, out simpleLogEnabled);
    }

    public bool NeedsEventData<TInterceptor>(
        EventDefinitionBase definition,
        out TInterceptor? interceptor,
        out bool diagnosticSourceEnabled,
        out bool simpleLogEnabled)
        where TInterceptor : class, IInterceptor
    {
        if (Suppressed(definition))
        {
            interceptor = null;
            diagnosticSourceEnabled = false;
            simpleLogEnabled = false;
            return false;
        }

        return inner.NeedsEventData(definition, out interceptor, out diagnosticSourceEnabled, out simpleLogEnabled);
    }

    public void DispatchEventData(EventDefinitionBase definition, EventData eventData, bool diagnosticSourceEnabled, bool simpleLogEnabled)
        => inner.DispatchEventData(definition, eventData, diagnosticSourceEnabled, simpleLogEnabled);

    private bool Suppressed(EventDefinitionBase definition)
        => run.OnlyGuardedOutsideTransaction && definition.EventId.Id == RelationalEventId.NonTransactionalMigrationOperationWarning.Id;
}
