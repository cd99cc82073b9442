using System.Diagnostics;
using System.Globalization;
using Cmms.Data.Conventions.Migrations;
using Cmms.Data.Tool.CommandLine;
using Cmms.Data.Tool.Connection;
using Cmms.Data.Tool.Errors;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace Cmms.Data.Tool.Migrations;

/// <summary>What <c>cmms-db migrate</c> was asked to do.</summary>
/// <param name="Target">The migration to end at (name or id, <c>0</c> for an empty schema), or <see langword="null" /> for the newest.</param>
/// <param name="LockTimeout">How long each statement may wait for a table lock (PostgreSQL's <c>lock_timeout</c>).</param>
/// <param name="Retries">How many times a migration is retried after its lock timeout was hit.</param>
/// <param name="LockWait">How long to wait for another migrator to finish.</param>
internal sealed record MigrateRequest(string? Target, TimeSpan LockTimeout, int Retries, TimeSpan LockWait)
{
    /// <summary>
    ///     <c>cmms-db migrate</c> with no options: to the newest migration, the conventions' default lock timeout,
    ///     3 retries, and up to 10 minutes' wait for another migrator.
    /// </summary>
    public static MigrateRequest Default { get; } = new(Target: null, SafeMigrationsDefaults.LockTimeout, Retries: 3, LockWait: TimeSpan.FromMinutes(10));
}

/// <summary>What <c>cmms-db migrate</c> did.</summary>
/// <param name="Database">The database migrated.</param>
/// <param name="Steps">The migrations applied or reverted, in order (empty when already up to date).</param>
/// <param name="Current">The newest applied migration afterwards, or <c>0</c> for none.</param>
/// <param name="Indexes">The index summary afterwards.</param>
internal sealed record MigrationOutcome(string Database, IReadOnlyList<MigrationStep> Steps, string Current, IndexSummary Indexes);

/// <summary>
///     Runs <c>cmms-db migrate</c>: takes the migration lock, checks the database before changing it, then applies or
///     reverts one migration at a time through EF Core's migrator (the lock-safe one that <c>UseCmmsData</c> installs),
///     retrying a migration whose lock timeout was hit, while index builds show their progress.
/// </summary>
internal sealed class MigrationRunner(DatabaseConnection connection, ProgressWriter progress)
{
    // PostgreSQL 14+ notices a vanished client during a statement only with this set; otherwise a killed migrator's
    // concurrent index build runs to its end. https://www.postgresql.org/docs/current/runtime-config-connection.html
    private const int ConnectionCheckIntervalMilliseconds = 1000;

    public async Task<MigrationOutcome> RunAsync(MigrateRequest request, CancellationToken cancellationToken)
    {
        MigrationCatalog catalog;
        using (var modelOnly = CmmsContextFactory.Create(CmmsContextFactory.ModelOnlyConnection, request.LockTimeout))
        {
            catalog = MigrationCatalog.From(modelOnly);

            // Building the models costs seconds of CPU. Built here, before the lock, and cached by EF Core for every
            // context with these options, they do not lengthen the wait of migrators queued behind this one.
            _ = modelOnly.Model;
            _ = modelOnly.GetService<IDesignTimeModel>().Model;
        }

        var target = request.Target is null ? catalog.Head : catalog.Resolve(request.Target, "--to");

        await using var migrationLock = await MigrationLock.AcquireAsync(connection.ConnectionString, request.LockWait, progress, cancellationToken)
            .ConfigureAwait(false);
        var migrationConnection = ForMigrations(connection.ConnectionString, migrationLock.Connection.PostgreSqlVersion);
        using var context = CmmsContextFactory.Create(migrationConnection, request.LockTimeout);
        var state = await DatabaseState.ReadAsync(context, migrationLock.Connection, cancellationToken).ConfigureAwait(false);
        MigrationPreflight.Check(catalog, state, target, connection.Database);

        var steps = MigrationPlan.Create(catalog, state.Applied, target);
        if (steps.Count > 0)
        {
            await using var builds = IndexBuildProgress.Start(connection.ConnectionString, progress);
            foreach (var step in steps)
            {
                await RunStepAsync(migrationConnection, step, request, cancellationToken).ConfigureAwait(false);
            }
        }

        var current = steps.Count > 0 ? target : state.Current(catalog);
        var indexes = await IndexSummary.ReadAsync(migrationLock.Connection, context.GetService<IDesignTimeModel>().Model, cancellationToken)
            .ConfigureAwait(false);
        return new MigrationOutcome(connection.Database, steps, current, indexes);
    }

    private async Task RunStepAsync(string migrationConnection, MigrationStep step, MigrateRequest request, CancellationToken cancellationToken)
    {
        for (var retry = 0; ; retry++)
        {
            progress.Line($"{(step.IsRevert ? "Reverting" : "Applying")} {step.Id}");
            var elapsed = Stopwatch.StartNew();
            try
            {
                // A fresh context per attempt: a failed attempt may leave the previous one's connection in any state.
                using var context = CmmsContextFactory.Create(migrationConnection, request.LockTimeout);
                await context.GetService<IMigrator>().MigrateAsync(step.Target, cancellationToken).ConfigureAwait(false);
                progress.Line($"{(step.IsRevert ? "Reverted" : "Applied")} {step.Name} in {DurationOption.Format(elapsed.Elapsed)}");
                return;
            }
            catch (Exception ex) when (LockTimeoutRetry.IsLockTimeout(ex))
            {
                var lockTimeout = DurationOption.Format(request.LockTimeout);
                if (retry >= request.Retries)
                {
                    throw new ToolException(
                        $"{step.Name} could not get a table lock within {lockTimeout} (lock_timeout) in {retry + 1} attempt(s): another "
                        + $"transaction holds a lock on a table it changes. Each statement either completed or had no effect and {step.Name} "
                        + "is not recorded as done: run cmms-db migrate again when that transaction ends to finish it, or raise --lock-timeout or --retries.",
                        ex);
                }

                var delay = LockTimeoutRetry.DelayBefore(retry + 1);
                progress.Line(string.Create(
                    CultureInfo.InvariantCulture,
                    $"  {step.Name} waited {lockTimeout} (lock_timeout) for a table lock another transaction holds; retry {retry + 1} of {request.Retries} in {DurationOption.Format(delay)}"));
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static string ForMigrations(string connectionString, Version serverVersion)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (serverVersion.Major >= 14)
        {
            builder.Options = $"{builder.Options} -c client_connection_check_interval={ConnectionCheckIntervalMilliseconds}".Trim();
        }

        return builder.ConnectionString;
    }
}
