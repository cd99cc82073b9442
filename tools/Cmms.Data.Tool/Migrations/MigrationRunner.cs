using Cmms.Data.Conventions;
using Cmms.Data.Conventions.Migrations;
using Cmms.Data.Conventions.Migrations.Engine;
using Cmms.Data.Tool.Connection;
using Cmms.Data.Tool.Errors;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace Cmms.Data.Tool.Migrations;

/// <summary>What <c>cmms-db migrate</c> was asked to do.</summary>
/// <param name="Target">The migration to end at (name or id, <c>0</c> for an empty schema), or <see langword="null" /> for the newest.</param>
/// <param name="LockTimeout">How long each statement may wait for a table lock (PostgreSQL's <c>lock_timeout</c>).</param>
/// <param name="Retries">How many times a migration is retried after its lock timeout was hit or its connection lost.</param>
/// <param name="LockWait">How long to wait for another migrator to finish.</param>
/// <param name="ParallelIndexBuilds">How many sessions build concurrent indexes on different tables at once.</param>
internal sealed record MigrateRequest(string? Target, TimeSpan LockTimeout, int Retries, TimeSpan LockWait, int ParallelIndexBuilds)
{
    /// <summary><c>cmms-db migrate</c> with no options: to the newest migration, with the engine's defaults.</summary>
    public static MigrateRequest Default { get; } =
        new(Target: null, SafeMigrationsDefaults.LockTimeout, SafeMigrationsDefaults.Retries, SafeMigrationsDefaults.LockWait, SafeMigrationsDefaults.ParallelIndexBuilds);
}

/// <summary>What <c>cmms-db migrate</c> did.</summary>
/// <param name="Database">The database migrated.</param>
/// <param name="Steps">The migrations applied or reverted, in order (empty when already up to date).</param>
/// <param name="Current">The newest applied migration afterwards, or <c>0</c> for none.</param>
/// <param name="Indexes">The index summary afterwards.</param>
/// <param name="Pruned">The indexes the conventions pruned from the model, when asked for (building the model costs seconds).</param>
internal sealed record MigrationOutcome(
    string Database,
    IReadOnlyList<MigrationStep> Steps,
    string Current,
    IndexSummary Indexes,
    IReadOnlyList<PrunedIndex>? Pruned);

/// <summary>
///     Runs <c>cmms-db migrate</c> through the library's migration engine (<c>UseSafeMigrations()</c>, the same one
///     <c>MigrateAsync()</c>, <c>dotnet ef database update</c> and efbundle use), on one <see cref="NpgsqlDataSource" />,
///     and collects what it did for the report. A run to the newest migration on a database that is already there
///     (<see cref="MigrationsUpToDateCheck" />, every schema counting) never builds EF Core's service provider or model: that is most of its time.
/// </summary>
internal sealed class MigrationRunner(DatabaseConnection connection, ProgressWriter progress)
{
    public async Task<MigrationOutcome> RunAsync(MigrateRequest request, bool listPruned, CancellationToken cancellationToken)
    {
        var catalog = MigrationCatalog.Cmms;
        var target = request.Target is null ? catalog.Head : catalog.Resolve(request.Target, "--to");
        await using var dataSource = NpgsqlDataSource.Create(connection.ConnectionString);
        IReadOnlyList<PrunedIndex>? pruned = null;
        if (target != catalog.Head || !await new MigrationsUpToDateCheck(catalog.Ids).IsUpToDateAsync(dataSource, cancellationToken).ConfigureAwait(false))
        {
            using var context = CmmsContextFactory.Create(
                dataSource,
                safe => safe.LockTimeout(request.LockTimeout).Retries(request.Retries).LockWait(request.LockWait)
                    .ParallelIndexBuilds(request.ParallelIndexBuilds).ReportProgressTo(progress));
            try
            {
                await context.Database.MigrateAsync(target, cancellationToken).ConfigureAwait(false);
            }
            catch (SafeMigrationException ex)
            {
                throw new ToolException(ex.Message, ex);
            }

            pruned = listPruned ? context.GetService<IDesignTimeModel>().Model.GetPrunedIndexes() : null;
        }

        // MigrateAsync(target) returns with the history at exactly the target: no need to read it again.
        return new MigrationOutcome(
            connection.Database,
            [.. progress.Started.Select(s => new MigrationStep(s.Id, s.IsRevert))],
            target,
            await IndexSummary.ReadAsync(dataSource, cancellationToken).ConfigureAwait(false),
            listPruned ? pruned ?? PrunedIndexes.Read() : null);
    }
}
