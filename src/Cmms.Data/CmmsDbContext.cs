using Microsoft.EntityFrameworkCore;

namespace Cmms.Data;

/// <summary>
///     The Cmms.Data schema: users, machines, worksheets, orders, invitations, experiments and tracks. Each area
///     declares its entity sets in its own folder (<c>Users/CmmsDbContext.Users.cs</c>, …) and configures each entity
///     with one <see cref="IEntityTypeConfiguration{TEntity}" />.
/// </summary>
/// <remarks>
///     Configure it with <c>UseCmmsData(connectionString)</c>
///     (or <c>services.AddCmmsData(...)</c>), which switches on snake_case names and the index conventions. Migrations
///     live in the Cmms.Data.Migrations assembly; from the repository root:
///     <code>CMMS_DB_CONNECTION="Host=…" dotnet ef database update --project migrations/Cmms.Data.Migrations</code>
/// </remarks>
/// <param name="options">The options, normally built by <c>UseCmmsData</c>.</param>
public partial class CmmsDbContext(DbContextOptions<CmmsDbContext> options) : DbContext(options)
{
    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);

        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CmmsDbContext).Assembly);
    }
}
