using Microsoft.EntityFrameworkCore;

namespace Cmms.Data.Bench.Schemas;

/// <summary>The <see cref="CmmsDbContext" /> the benchmark works with, configured as applications configure it.</summary>
internal static class CmmsContexts
{
    /// <summary>A connection string that is never opened, for reading only the model and the migrations.</summary>
    public const string ModelOnlyConnection = "Host=localhost;Database=cmms";

    // A concurrent index build on a big table can run for a long time; only a hung server should stop it.
    private const int CommandTimeoutSeconds = 12 * 3600;

    /// <summary>Npgsql, snake_case names, the index conventions and <c>UseSafeMigrations()</c>: the Cmms.Data way.</summary>
    public static CmmsDbContext Create(string connectionString) => Create(connectionString, MigrationEngine.CmmsData);

    /// <summary>
    ///     A context whose migrations <paramref name="engine" /> applies. Plain EF Core gets the same model (snake_case
    ///     names, the index conventions) and the same migrations assembly, only without <c>UseSafeMigrations()</c>, so
    ///     both apply exactly the same operations and differ only in the SQL generated for them.
    /// </summary>
    public static CmmsDbContext Create(string connectionString, MigrationEngine engine) => Create(connectionString, engine, parallelIndexBuilds: 1);

    /// <summary>The same, with Cmms.Data's engine building indexes on different tables in <paramref name="parallelIndexBuilds" /> sessions.</summary>
    public static CmmsDbContext Create(string connectionString, MigrationEngine engine, int parallelIndexBuilds)
    {
        var options = new DbContextOptionsBuilder<CmmsDbContext>();
        if (engine == MigrationEngine.CmmsData)
        {
            options
                .UseCmmsData(connectionString, npgsql => npgsql.CommandTimeout(CommandTimeoutSeconds))
                .UseSafeMigrations(safe => safe.ParallelIndexBuilds(parallelIndexBuilds));
        }
        else
        {
            options
                .UseNpgsql(connectionString, npgsql => npgsql
                    .MigrationsAssembly(CmmsDbContextOptionsBuilderExtensions.MigrationsAssembly)
                    .CommandTimeout(CommandTimeoutSeconds))
                .UseSnakeCaseNamingConvention()
                .UseIndexConventions();
        }

        return new CmmsDbContext(options.Options);
    }
}
