using Microsoft.EntityFrameworkCore;

namespace Cmms.Data.Bench.Schemas;

/// <summary>The <see cref="CmmsDbContext" /> the benchmark works with, configured as applications configure it (<c>UseCmmsData</c>).</summary>
internal static class CmmsContexts
{
    /// <summary>A connection string that is never opened, for reading only the model and the migrations.</summary>
    public const string ModelOnlyConnection = "Host=localhost;Database=cmms";

    // A concurrent index build on a big table can run for a long time; only a hung server should stop it.
    private const int CommandTimeoutSeconds = 12 * 3600;

    /// <summary>Npgsql, snake_case names, the index conventions and <c>UseSafeMigrations()</c>: the Cmms.Data way.</summary>
    public static CmmsDbContext Create(string connectionString)
        => new(new DbContextOptionsBuilder<CmmsDbContext>()
            .UseCmmsData(connectionString, npgsql => npgsql.CommandTimeout(CommandTimeoutSeconds))
            .Options);
}
