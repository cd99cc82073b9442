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
internal sealed record MigrationOutcome(string Database, IReadOnlyList<MigrationStep> Steps, string Current, IndexSummary Indexes);

/// <summary>
///     Runs <c>cmms-db migrate</c> through the library's migration engine (<c>UseSafeMigrations()</c>, the same one
///     <c>MigrateAsync()</c>, <c>dotnet ef database update</c> and efbundle use), on one <see cref="NpgsqlDataSource" />,
///     and collects what it did for the report.
/// </summary>
internal sealed class MigrationRunner(DatabaseConnection connection, ProgressWriter progress)
{
    public async Task<MigrationOutcome> RunAsync(MigrateRequest request, CancellationToken cancellationToken)
    {
        await using var dataSource = NpgsqlDataSource.Create(connection.ConnectionString);
        using var context = CmmsContextFactory.Create(
            dataSource,
            safe => safe.LockTimeout(request.LockTimeout).Retries(request.Retries).LockWait(request.LockWait)
                .ParallelIndexBuilds(request.ParallelIndexBuilds).ReportProgressTo(progress));
        var catalog = MigrationCatalog.From(context);
        var target = request.Target is null ? catalog.Head : catalog.Resolve(request.Target, "--to");

        try
        {
            await context.Database.MigrateAsync(target, cancellationToken).ConfigureAwait(false);
        }
        catch (SafeMigrationException ex)
        {
            throw new ToolException(ex.Message, ex);
        }

        var applied = (await context.Database.GetAppliedMigrationsAsync(cancellationToken).ConfigureAwait(false)).ToList();
        var current = catalog.Ids.LastOrDefault(applied.Contains) ?? MigrationCatalog.Empty;
        await using var npgsql = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var indexes = await IndexSummary.ReadAsync(npgsql, context.GetService<IDesignTimeModel>().Model, cancellationToken).ConfigureAwait(false);
        return new MigrationOutcome(
            connection.Database,
            [.. progress.Started.Select(s => new MigrationStep(s.Id, s.IsRevert))],
            current,
            indexes);
    }
}
