using Cmms.Data.Tool.Connection;
using Microsoft.EntityFrameworkCore;

namespace Cmms.Data.Tool.Workload.Schemas;

/// <summary>The two ways the workload builds a <see cref="CmmsDbContext" />.</summary>
internal static class WorkloadContexts
{
    /// <summary>As applications configure it: snake_case, index conventions, safe migrations.</summary>
    public static CmmsDbContext CmmsData(string connectionString)
        => CmmsContextFactory.Create(connectionString);

    /// <summary>
    ///     Every declared index, nothing pruned: Npgsql and snake_case names only, so EF Core's own foreign-key index
    ///     convention applies (it skips an FK index when any index, even a partial one, leads with the FK columns).
    /// </summary>
    public static CmmsDbContext AsDeclared(string connectionString)
        => new(new DbContextOptionsBuilder<CmmsDbContext>().UseNpgsql(connectionString).UseSnakeCaseNamingConvention().Options);
}
