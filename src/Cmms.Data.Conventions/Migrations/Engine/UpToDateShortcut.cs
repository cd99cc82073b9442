using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Diagnostics.Internal;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Cmms.Data.Conventions.Migrations.Engine;

/// <summary>
///     Ends a run to the newest migration before it takes the migration lock when it has nothing to do
///     (<see cref="MigrationsUpToDateCheck" />, with the model's schemas as the ones that count): an application's
///     <c>MigrateAsync()</c> at start-up then neither waits behind another session's lock nor opens a session for one.
/// </summary>
/// <remarks>
///     What such a run skips, and why that is safe: the lock (nothing is written); the preflight (its history check is
///     implied by a history equal to the assembly's migrations, its server check is the check's own; its
///     "tables without a history" check needs an empty history, never up to date while the assembly has migrations);
///     the repair (no INVALID index in the model's schemas). What EF Core's <c>Migrator.Migrate</c> does on a no-op is
///     kept: the shortcut is not taken when the pending-model-changes check (EF Core 9+, <c>PendingModelChangesWarning</c>,
///     an error by default) finds changes, when a seeder is configured (<c>UseSeeding</c>/<c>UseAsyncSeeding</c> run on
///     every migrate, https://learn.microsoft.com/ef/core/modeling/data-seeding#use-seeding-method), inside a user
///     transaction, or without migrations; those runs go through EF Core's migrator, whose warnings and errors they get
///     as before. The pooler check belongs to the lock's session, so a no-op through a transaction-mode pooler now
///     succeeds: it reads two queries' worth of catalog and history and leaves no lock or setting behind. A taken shortcut logs what EF Core logs for a no-op (the connection used, "No migrations were applied")
///     and <see cref="SafeMigrationsEventId.UpToDateWithoutLock" />.
/// </remarks>
#pragma warning disable EF1001 // Migrator and RelationalResources are internal APIs; the no-op must answer as EF Core's migrator does.
internal sealed class UpToDateShortcut(
    Microsoft.EntityFrameworkCore.Migrations.Internal.Migrator migrator,
    IMigrationsAssembly migrationsAssembly,
    SafeHistoryRepository history,
    IRelationalConnection connection,
    IDesignTimeModel designTimeModel,
    IDbContextOptions contextOptions,
    IDiagnosticsLogger<DbLoggerCategory.Migrations> logger,
    SafeMigrationsLogger safeLogger)
{
    /// <summary>Whether the run ended here, with nothing to do; <see langword="false" /> when it must go through the engine.</summary>
    /// <param name="targetMigration">The run's target, as given to <c>Migrate</c>.</param>
    /// <param name="reachesNewest">Whether that target is the newest migration.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    public async Task<bool> TryAsync(string? targetMigration, bool reachesNewest, CancellationToken cancellationToken)
    {
        var core = contextOptions.FindExtension<CoreOptionsExtension>();
        if (!reachesNewest
            || connection.CurrentTransaction is not null
            || core?.Seeder is not null
            || core?.AsyncSeeder is not null
            || migrationsAssembly.Migrations.Count == 0
            || HasPendingModelChanges(targetMigration))
        {
            return false;
        }

        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var check = history.UpToDateCheck(migrationsAssembly.Migrations.Keys);
            if (!await check.IsUpToDateAsync((NpgsqlConnection)connection.DbConnection, InvalidIndexScope.Of(designTimeModel.Model), cancellationToken)
                    .ConfigureAwait(false))
            {
                return false;
            }
        }
        finally
        {
            await connection.CloseAsync().ConfigureAwait(false);
        }

        if (migrationsAssembly.ModelSnapshot is null)
        {
            logger.ModelSnapshotNotFound(migrator, migrationsAssembly);
        }

        logger.MigrateUsingConnection(migrator, connection);
        logger.MigrationsNotApplied(migrator);
        safeLogger.UpToDateWithoutLock(
            $"The history {history.DisplayTableName} holds every migration and no index of the model's schemas is INVALID: nothing to do, "
            + "so the migration lock was not taken.");
        return true;
    }

    // EF Core checks only a run without a target, and not when the warning is ignored; a run it would warn or throw on
    // goes through its migrator, which also tells a model that differs from itself on every build from one with changes.
    private bool HasPendingModelChanges(string? targetMigration)
        => targetMigration is null
            && migrationsAssembly.ModelSnapshot is not null
            && RelationalResources.LogPendingModelChanges(logger).WarningBehavior != WarningBehavior.Ignore
            && migrator.HasPendingModelChanges();
}
#pragma warning restore EF1001
