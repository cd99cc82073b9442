using Cmms.Data.Conventions.Internal;
using Cmms.Data.Conventions.Migrations;
using Cmms.Data.Conventions.Migrations.Engine;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

// ReSharper disable once CheckNamespace
namespace Microsoft.EntityFrameworkCore;

/// <summary>
///     Switches on lock-safe migrations SQL for PostgreSQL.
/// </summary>
public static class SafeMigrationsDbContextOptionsBuilderExtensions
{
    /// <summary>
    ///     Makes migrations safe to apply to populated, busy databases, for <c>dotnet ef</c> and any migrator alike:
    ///     <list type="bullet">
    ///         <item>
    ///             indexes created or dropped on a table that already exists are built with
    ///             <c>CREATE INDEX CONCURRENTLY IF NOT EXISTS</c> (after dropping an INVALID index of the same name that
    ///             an earlier failed concurrent build left behind, npgsql/efcore.pg#2737) and dropped with
    ///             <c>DROP INDEX CONCURRENTLY IF EXISTS</c> (npgsql/efcore.pg#3901), so writes are never blocked;
    ///         </item>
    ///         <item>
    ///             idempotent scripts run those statements outside the <c>DO</c> blocks that PostgreSQL refuses them
    ///             in ("cannot be executed from a function"), each guarded by its own IF [NOT] EXISTS; the history row
    ///             is still written last;
    ///         </item>
    ///         <item>every statement waits at most <c>lock_timeout</c> for a lock, so that it fails fast instead of queueing behind a long transaction;</item>
    ///         <item>
    ///             applying migrations (<c>MigrateAsync()</c>, <c>dotnet ef database update</c>, efbundle) holds a session-level
    ///             advisory lock for the whole run, checks the database before writing, retries a migration whose statement hit
    ///             <c>lock_timeout</c> or lost its connection, reports index build progress through the EF Core log, and rebuilds
    ///             INVALID indexes the model declares; failures are one <see cref="SafeMigrationException" /> line.
    ///         </item>
    ///     </list>
    /// </summary>
    /// <remarks>
    ///     https://www.postgresql.org/docs/current/sql-createindex.html#SQL-CREATEINDEX-CONCURRENTLY explains why a
    ///     failed concurrent build leaves an invalid index and why it cannot run inside a transaction block.
    /// </remarks>
    /// <param name="optionsBuilder">The options builder (Npgsql must be the provider; another fails when the context is first used).</param>
    /// <param name="configure">Optional configuration.</param>
    /// <returns>The same options builder.</returns>
    public static DbContextOptionsBuilder UseSafeMigrations(
        this DbContextOptionsBuilder optionsBuilder,
        Action<SafeMigrationsOptionsBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(optionsBuilder);

        var extension = optionsBuilder.Options.FindExtension<CmmsConventionsOptionsExtension>() ?? new CmmsConventionsOptionsExtension();
        var builder = new SafeMigrationsOptionsBuilder(extension.WithSafeMigrations());
        configure?.Invoke(builder);
        ((IDbContextOptionsBuilderInfrastructure)optionsBuilder).AddOrUpdateExtension(builder.Extension);

        return optionsBuilder
            .ReplaceService<IMigrationsSqlGenerator, SafeMigrationsSqlGenerator>()
            .ReplaceService<IHistoryRepository, SafeHistoryRepository>()
            .ReplaceService<IMigrator, SafeMigrator>();
    }

    /// <inheritdoc cref="UseSafeMigrations(DbContextOptionsBuilder, Action{SafeMigrationsOptionsBuilder}?)" />
    public static DbContextOptionsBuilder<TContext> UseSafeMigrations<TContext>(
        this DbContextOptionsBuilder<TContext> optionsBuilder,
        Action<SafeMigrationsOptionsBuilder>? configure = null)
        where TContext : DbContext
        => (DbContextOptionsBuilder<TContext>)UseSafeMigrations((DbContextOptionsBuilder)optionsBuilder, configure);
}
