using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Cmms.Data.IntegrationTests.Migrations;

/// <summary>A CmmsDbContext configured exactly as applications and cmms-db configure it.</summary>
public static class CmmsContexts
{
    public static CmmsDbContext Create(string connectionString)
    {
        var options = new DbContextOptionsBuilder<CmmsDbContext>();
        options.UseCmmsData(connectionString);
        return new CmmsDbContext(options.Options);
    }

    /// <summary>Migrates to <paramref name="target" /> (a migration name, "0" for none, or null for the latest).</summary>
    public static async Task MigrateAsync(string connectionString, string? target = null)
    {
        await using var context = Create(connectionString);
        await context.GetService<IMigrator>().MigrateAsync(target);
    }
}
