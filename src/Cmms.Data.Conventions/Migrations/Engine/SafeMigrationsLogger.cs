using Cmms.Data.Conventions.Internal;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Logging;

namespace Cmms.Data.Conventions.Migrations.Engine;

/// <summary>
///     Logs what a safe migration run does as EF Core logs its own events (an <see cref="EventDefinition{TParam}" /> per
///     event, checked with <c>ShouldLog</c>, so <c>ConfigureWarnings</c> applies), and hands the same text to the
///     host's <see cref="IProgress{T}" />, if one was given to <c>UseSafeMigrations</c>.
/// </summary>
internal sealed class SafeMigrationsLogger(IDiagnosticsLogger<DbLoggerCategory.Migrations> logger, IDbContextOptions options)
{
    private readonly IProgress<MigrationProgress>? _progress = options.FindExtension<CmmsConventionsOptionsExtension>()?.Progress;

    public void WaitingForLock(string message) => Log(SafeMigrationsEventId.WaitingForLock, LogLevel.Information, MigrationProgressKind.WaitingForLock, message);

    public void LockAcquired(string message) => Log(SafeMigrationsEventId.LockAcquired, LogLevel.Information, MigrationProgressKind.LockAcquired, message);

    public void Retrying(string message) => Log(SafeMigrationsEventId.Retrying, LogLevel.Warning, MigrationProgressKind.Retrying, message);

    public void LockSessionLost(string message)
        => Log(SafeMigrationsEventId.LockSessionLost, LogLevel.Warning, MigrationProgressKind.LockSessionLost, message);

    public void InvalidIndexRepaired(string message)
        => Log(SafeMigrationsEventId.InvalidIndexRepaired, LogLevel.Warning, MigrationProgressKind.InvalidIndexRepaired, message);

    /// <summary>Says which statements of a migration run outside a transaction, for the EF log only (hosts see each build as it runs).</summary>
    public void RerunnableOutsideTransaction(string message)
        => Log(SafeMigrationsEventId.RerunnableOutsideTransaction, LogLevel.Information, null, message);

    /// <summary>Says, for the EF log only, that a run ended before taking the lock because it had nothing to do.</summary>
    public void UpToDateWithoutLock(string message) => Log(SafeMigrationsEventId.UpToDateWithoutLock, LogLevel.Debug, null, message);

    public void IndexBuild(IndexBuildStatus status, string message)
        => Log(SafeMigrationsEventId.IndexBuildProgress, LogLevel.Information, MigrationProgressKind.IndexBuild, message, status);

    /// <summary>Tells the host which migration the run applies or reverts now (EF Core logs it itself).</summary>
    public void Starting(string migrationId, bool revert)
        => _progress?.Report(new MigrationProgress(revert ? MigrationProgressKind.Reverting : MigrationProgressKind.Applying, migrationId));

    /// <summary>Tells the host how a build goes between the lines the log gets.</summary>
    public void IndexBuildUnlogged(IndexBuildStatus status, string message)
        => _progress?.Report(new MigrationProgress(MigrationProgressKind.IndexBuild, message, status));

    /// <summary>Tells the host that no build runs any more (nothing for the log: the build's last line stays true).</summary>
    public void IndexBuildEnded() => _progress?.Report(new MigrationProgress(MigrationProgressKind.IndexBuildEnded, string.Empty));

    private void Log(EventId id, LogLevel level, MigrationProgressKind? kind, string message, IndexBuildStatus? status = null)
    {
        var definition = new EventDefinition<string>(
            logger.Options,
            id,
            level,
            "SafeMigrationsEventId." + id.Name![(id.Name!.LastIndexOf('.') + 1)..],
            logLevel => LoggerMessage.Define<string>(logLevel, id, "{Message}"));
        if (logger.ShouldLog(definition))
        {
            definition.Log(logger, message);
        }

        // LogTo and DiagnosticListener subscribers get the event as EF Core's own events reach them.
        if (logger.NeedsEventData(definition, out var diagnosticSourceEnabled, out var simpleLogEnabled))
        {
            logger.DispatchEventData(
                definition,
                new EventData(definition, (d, _) => ((EventDefinition<string>)d).GenerateMessage(message)),
                diagnosticSourceEnabled,
                simpleLogEnabled);
        }

        if (kind is { } reported)
        {
            _progress?.Report(new MigrationProgress(reported, message, status));
        }
    }
}
