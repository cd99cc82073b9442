using Microsoft.EntityFrameworkCore;

namespace Cmms.Data.IntegrationTests.Sqlite;

/// <summary>
///     <see cref="MaintenanceContext" /> plus a PostgreSQL-only declaration (INCLUDE), which SQLite cannot build.
///     A type of its own, so EF Core caches its model apart.
/// </summary>
public sealed class MaintenanceContextWithInclude(DbContextOptions options) : MaintenanceContext(options)
{
    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<MaintenanceUser>().HasIndex(u => u.Email).IncludeProperties(u => u.Username).HasDatabaseName("ix_users_email");
    }
}
