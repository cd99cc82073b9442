using System.Diagnostics;
using Microsoft.EntityFrameworkCore;

namespace Cmms.Data.Bench.Schemas;

/// <summary>
///     Applies the Cmms.Data migrations the way an application does, <c>context.Database.MigrateAsync()</c>, and times
///     it: on a context configured with <c>UseCmmsData</c> (and so <c>UseSafeMigrations()</c>) for Cmms.Data's engine,
///     or without <c>UseSafeMigrations()</c> for plain EF Core. The benchmark does not reach into cmms-db's internals.
/// </summary>
internal static class MigrationApplier
{
    /// <summary>The first migration: tables, keys and the indexes EF Core's conventions create, none of AddIndexes.</summary>
    public const string InitialSchema = "InitialSchema";

    public static async Task<TimeSpan> MigrateAsync(string connectionString, CancellationToken cancellationToken)
        => await MigrateAsync(connectionString, MigrationEngine.CmmsData, targetMigration: null, cancellationToken).ConfigureAwait(false);

    /// <summary>Migrates up or down to <paramref name="targetMigration" /> (the last one when null).</summary>
    public static Task<TimeSpan> MigrateAsync(
        string connectionString, MigrationEngine engine, string? targetMigration, CancellationToken cancellationToken)
        => MigrateAsync(connectionString, engine, parallelIndexBuilds: 1, targetMigration, cancellationToken);

    /// <summary>The same, Cmms.Data's engine building indexes on different tables in <paramref name="parallelIndexBuilds" /> sessions.</summary>
    public static async Task<TimeSpan> MigrateAsync(
        string connectionString, MigrationEngine engine, int parallelIndexBuilds, string? targetMigration, CancellationToken cancellationToken)
    {
        await using var context = CmmsContexts.Create(connectionString, engine, parallelIndexBuilds);
        var watch = Stopwatch.StartNew();
        await context.Database.MigrateAsync(targetMigration, cancellationToken).ConfigureAwait(false);
        return watch.Elapsed;
    }
}
