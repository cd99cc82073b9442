using Cmms.Data.Conventions.Migrations;
using Cmms.Data.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cmms.Data.IntegrationTests.Engine;

/// <summary>
///     What the engine tests' own contexts are configured with: Npgsql on a connection string, their migrations from this
///     assembly, <c>UseSafeMigrations()</c>, and many service providers allowed (each test varies the engine's options).
/// </summary>
internal static class EngineContextOptions
{
    public static DbContextOptionsBuilder<TContext> For<TContext>(string connectionString, Action<SafeMigrationsOptionsBuilder>? safe)
        where TContext : DbContext
        => new DbContextOptionsBuilder<TContext>()
            .UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly(typeof(TContext).Assembly.GetName().Name))
            .UseSafeMigrations(safe)
            .AllowManyServiceProviders();
}
