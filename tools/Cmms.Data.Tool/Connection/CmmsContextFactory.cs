using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace Cmms.Data.Tool.Connection;

/// <summary>Builds the <see cref="CmmsDbContext" /> every cmms-db command works with, configured as applications configure it.</summary>
internal static class CmmsContextFactory
{
    /// <summary>
    ///     A connection string that is never opened, for commands that only read the model and the migrations
    ///     (<c>cmms-db script</c>).
    /// </summary>
    public const string ModelOnlyConnection = "Host=localhost;Database=cmms";

    // A concurrent index build on a big table can run for hours. Waiting for a table lock is bounded separately
    // (lock_timeout), so this only has to outlast the slowest statement.
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromHours(12);

    /// <summary>A context on <paramref name="connectionString" /> whose migrations wait at most <paramref name="lockTimeout" /> for a table lock.</summary>
    public static CmmsDbContext Create(string connectionString, TimeSpan? lockTimeout = null)
    {
        var options = InProcessRunsAllowed(new DbContextOptionsBuilder<CmmsDbContext>())
            .UseCmmsData(connectionString, npgsql => npgsql.CommandTimeout((int)CommandTimeout.TotalSeconds));
        if (lockTimeout is { } timeout)
        {
            // Calling it again after UseCmmsData updates the same options extension.
            options.UseSafeMigrations(safe => safe.LockTimeout(timeout));
        }

        return new CmmsDbContext(options.Options);
    }

    /// <summary>A context on the run's one <paramref name="dataSource" />, whose migrations run with <paramref name="configure" />'s settings.</summary>
    public static CmmsDbContext Create(NpgsqlDataSource dataSource, Action<Cmms.Data.Conventions.Migrations.SafeMigrationsOptionsBuilder> configure)
    {
        // A connection of the run's data source, not the data source itself: EF Core would build an internal service
        // provider (and the model) per data source, so once per in-process run.
        var options = new DbContextOptionsBuilder<CmmsDbContext>()
            .UseCmmsData(dataSource.CreateConnection(), contextOwnsConnection: true, npgsql => npgsql.CommandTimeout((int)CommandTimeout.TotalSeconds))
            .UseSafeMigrations(configure)
            // EF Core's migrator otherwise diffs the whole model against the snapshot on every run (seconds of CPU) to warn of
            // changes no migration captures; cmms-db status reports them, and the tests keep the snapshot current.
            .ConfigureWarnings(warnings => warnings.Ignore(RelationalEventId.PendingModelChangesWarning));
        return new CmmsDbContext(InProcessRunsAllowed(options).Options);
    }

    // EF Core keys its internal service provider on the options of a run (its data source, its lock timeout), and each run
    // resolves its own: one per process for the executable, but one per run where cmms-db runs in-process again and again
    // (its tests, a host), which EF Core would otherwise refuse after twenty.
    private static DbContextOptionsBuilder<CmmsDbContext> InProcessRunsAllowed(DbContextOptionsBuilder<CmmsDbContext> options)
        => options.ConfigureWarnings(warnings => warnings.Ignore(CoreEventId.ManyServiceProvidersCreatedWarning));
}
