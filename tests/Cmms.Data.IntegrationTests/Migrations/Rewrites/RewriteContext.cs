using Cmms.Data.Conventions.Migrations;
using Cmms.Data.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Cmms.Data.IntegrationTests.Migrations.Rewrites;

/// <summary>
///     A context with no entities whose migrations are the ones marked <c>[DbContext(typeof(RewriteContext&lt;TScenario&gt;))]</c>:
///     each scenario applies its own hand-written operations through EF Core's real migrator with the safe generator.
/// </summary>
/// <typeparam name="TScenario">A marker type naming the scenario.</typeparam>
internal sealed class RewriteContext<TScenario>(DbContextOptions<RewriteContext<TScenario>> options) : DbContext(options)
{
    /// <param name="connectionString">The database.</param>
    /// <param name="lockTimeout">The engine's lock_timeout.</param>
    /// <param name="retries">How often the engine retries a migration after a lock timeout.</param>
    /// <param name="interceptors">Interceptors to add (a test's hook into the commands the engine runs).</param>
    public static RewriteContext<TScenario> Create(
        string connectionString,
        TimeSpan lockTimeout,
        int retries = SafeMigrationsDefaults.Retries,
        params IInterceptor[] interceptors)
    {
        var options = new DbContextOptionsBuilder<RewriteContext<TScenario>>()
            .UseNpgsql(connectionString, o => o.MigrationsHistoryTable("__history_" + typeof(TScenario).Name.ToLowerInvariant()))
            .UseSafeMigrations(s => s.LockTimeout(lockTimeout).Retries(retries))
            .AddInterceptors(interceptors)
            // The scenarios have no model to snapshot: their migrations change tables the test created by hand.
            .ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning))
            .AllowManyServiceProviders();
        return new RewriteContext<TScenario>(options.Options);
    }

    public static async Task MigrateAsync(string connectionString, TimeSpan lockTimeout, string? target = null)
    {
        await using var context = Create(connectionString, lockTimeout);
        await context.GetService<IMigrator>().MigrateAsync(target);
    }

    public static async Task<IReadOnlyList<string>> AppliedAsync(string connectionString)
    {
        await using var context = Create(connectionString, TimeSpan.Zero);
        return [.. await context.Database.GetAppliedMigrationsAsync()];
    }
}
