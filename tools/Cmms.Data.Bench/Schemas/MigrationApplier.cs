using System.Diagnostics;
using Microsoft.EntityFrameworkCore;

namespace Cmms.Data.Bench.Schemas;

/// <summary>
///     Applies the Cmms.Data migrations the way an application does, <c>context.Database.MigrateAsync()</c> on a
///     context configured with <c>UseCmmsData</c> (and so <c>UseSafeMigrations()</c>), and times it. That is Cmms.Data's
///     engine as a library user gets it; the benchmark does not reach into cmms-db's internals.
/// </summary>
internal static class MigrationApplier
{
    public static async Task<TimeSpan> MigrateAsync(string connectionString, CancellationToken cancellationToken)
        => await MigrateAsync(connectionString, targetMigration: null, cancellationToken).ConfigureAwait(false);

    /// <summary>Migrates to <paramref name="targetMigration" /> (all when null).</summary>
    public static async Task<TimeSpan> MigrateAsync(string connectionString, string? targetMigration, CancellationToken cancellationToken)
    {
        await using var context = CmmsContexts.Create(connectionString);
        var watch = Stopwatch.StartNew();
        await context.Database.MigrateAsync(targetMigration, cancellationToken).ConfigureAwait(false);
        return watch.Elapsed;
    }
}
