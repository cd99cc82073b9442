using Microsoft.EntityFrameworkCore;
using Npgsql;
using Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure;

namespace Cmms.Data;

/// <summary>
///     Configures a <see cref="CmmsDbContext" /> the one way every host of it does: Npgsql, snake_case names
///     (EFCore.NamingConventions), the index conventions, lock-safe migrations SQL, and migrations from the
///     Cmms.Data.Migrations assembly.
/// </summary>
public static class CmmsDbContextOptionsBuilderExtensions
{
    /// <summary>The assembly that holds the schema's migrations.</summary>
    public const string MigrationsAssembly = "Cmms.Data.Migrations";

    /// <summary>Configures the context for a PostgreSQL connection string.</summary>
    /// <param name="optionsBuilder">The options builder.</param>
    /// <param name="connectionString">An Npgsql connection string.</param>
    /// <param name="configureNpgsql">Optional further Npgsql configuration.</param>
    /// <returns>The same options builder.</returns>
    public static DbContextOptionsBuilder UseCmmsData(
        this DbContextOptionsBuilder optionsBuilder,
        string connectionString,
        Action<NpgsqlDbContextOptionsBuilder>? configureNpgsql = null)
    {
        ArgumentNullException.ThrowIfNull(optionsBuilder);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);

        return optionsBuilder
            .UseNpgsql(connectionString, npgsql => ConfigureNpgsql(npgsql, configureNpgsql))
            .UseCmmsConventions();
    }

    /// <summary>
    ///     Configures the context for one <see cref="NpgsqlConnection" />, typically made by a data source the caller keeps
    ///     (<see cref="NpgsqlDataSource.CreateConnection" />).
    /// </summary>
    /// <remarks>
    ///     EF Core builds one internal service provider per data source it is given, but shares one across connections:
    ///     a program that resolves a data source per run and runs again and again in one process (a tool's tests, a
    ///     host) gives each context a connection of that data source instead.
    /// </remarks>
    /// <param name="optionsBuilder">The options builder.</param>
    /// <param name="connection">The connection (opened by EF Core when needed).</param>
    /// <param name="contextOwnsConnection">Whether disposing the context disposes the connection.</param>
    /// <param name="configureNpgsql">Optional further Npgsql configuration.</param>
    /// <returns>The same options builder.</returns>
    public static DbContextOptionsBuilder UseCmmsData(
        this DbContextOptionsBuilder optionsBuilder,
        NpgsqlConnection connection,
        bool contextOwnsConnection,
        Action<NpgsqlDbContextOptionsBuilder>? configureNpgsql = null)
    {
        ArgumentNullException.ThrowIfNull(optionsBuilder);
        ArgumentNullException.ThrowIfNull(connection);

        return optionsBuilder
            .UseNpgsql(connection, contextOwnsConnection, npgsql => ConfigureNpgsql(npgsql, configureNpgsql))
            .UseCmmsConventions();
    }

    /// <summary>Configures the context for an <see cref="NpgsqlDataSource" /> (the recommended way in applications).</summary>
    /// <param name="optionsBuilder">The options builder.</param>
    /// <param name="dataSource">The data source.</param>
    /// <param name="configureNpgsql">Optional further Npgsql configuration.</param>
    /// <returns>The same options builder.</returns>
    public static DbContextOptionsBuilder UseCmmsData(
        this DbContextOptionsBuilder optionsBuilder,
        NpgsqlDataSource dataSource,
        Action<NpgsqlDbContextOptionsBuilder>? configureNpgsql = null)
    {
        ArgumentNullException.ThrowIfNull(optionsBuilder);
        ArgumentNullException.ThrowIfNull(dataSource);

        return optionsBuilder
            .UseNpgsql(dataSource, npgsql => ConfigureNpgsql(npgsql, configureNpgsql))
            .UseCmmsConventions();
    }

    /// <inheritdoc cref="UseCmmsData(DbContextOptionsBuilder, string, Action{NpgsqlDbContextOptionsBuilder}?)" />
    public static DbContextOptionsBuilder<TContext> UseCmmsData<TContext>(
        this DbContextOptionsBuilder<TContext> optionsBuilder,
        string connectionString,
        Action<NpgsqlDbContextOptionsBuilder>? configureNpgsql = null)
        where TContext : DbContext
        => (DbContextOptionsBuilder<TContext>)UseCmmsData((DbContextOptionsBuilder)optionsBuilder, connectionString, configureNpgsql);

    /// <inheritdoc cref="UseCmmsData(DbContextOptionsBuilder, NpgsqlConnection, bool, Action{NpgsqlDbContextOptionsBuilder}?)" />
    public static DbContextOptionsBuilder<TContext> UseCmmsData<TContext>(
        this DbContextOptionsBuilder<TContext> optionsBuilder,
        NpgsqlConnection connection,
        bool contextOwnsConnection,
        Action<NpgsqlDbContextOptionsBuilder>? configureNpgsql = null)
        where TContext : DbContext
        => (DbContextOptionsBuilder<TContext>)UseCmmsData((DbContextOptionsBuilder)optionsBuilder, connection, contextOwnsConnection, configureNpgsql);

    /// <inheritdoc cref="UseCmmsData(DbContextOptionsBuilder, NpgsqlDataSource, Action{NpgsqlDbContextOptionsBuilder}?)" />
    public static DbContextOptionsBuilder<TContext> UseCmmsData<TContext>(
        this DbContextOptionsBuilder<TContext> optionsBuilder,
        NpgsqlDataSource dataSource,
        Action<NpgsqlDbContextOptionsBuilder>? configureNpgsql = null)
        where TContext : DbContext
        => (DbContextOptionsBuilder<TContext>)UseCmmsData((DbContextOptionsBuilder)optionsBuilder, dataSource, configureNpgsql);

    private static void ConfigureNpgsql(NpgsqlDbContextOptionsBuilder npgsql, Action<NpgsqlDbContextOptionsBuilder>? configure)
    {
        npgsql.MigrationsAssembly(MigrationsAssembly);
        configure?.Invoke(npgsql);
    }

    private static DbContextOptionsBuilder UseCmmsConventions(this DbContextOptionsBuilder optionsBuilder)
        => optionsBuilder.UseSnakeCaseNamingConvention().UseIndexConventions().UseSafeMigrations();
}
