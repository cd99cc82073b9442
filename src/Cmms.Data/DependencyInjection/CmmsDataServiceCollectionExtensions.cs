using Cmms.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Npgsql;

// ReSharper disable once CheckNamespace
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
///     Registers <see cref="CmmsDbContext" /> in an application's services.
/// </summary>
public static class CmmsDataServiceCollectionExtensions
{
    /// <summary>The name of the connection string read from configuration (<c>ConnectionStrings:Cmms</c>).</summary>
    public const string ConnectionStringName = "Cmms";

    /// <summary>
    ///     Registers a pooled <see cref="CmmsDbContext" /> on an <see cref="NpgsqlDataSource" /> built from
    ///     <c>ConnectionStrings:Cmms</c>, with snake_case names and the index conventions switched on.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The configuration holding <c>ConnectionStrings:Cmms</c>.</param>
    /// <returns>The same services.</returns>
    /// <exception cref="InvalidOperationException">When the connection string is missing.</exception>
    public static IServiceCollection AddCmmsData(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                $"The connection string 'ConnectionStrings:{ConnectionStringName}' is missing: set it in configuration "
                + $"(for example the environment variable ConnectionStrings__{ConnectionStringName}).");
        }

        return services.AddCmmsData(connectionString);
    }

    /// <summary>
    ///     Registers a pooled <see cref="CmmsDbContext" /> on an <see cref="NpgsqlDataSource" /> built from a
    ///     connection string (the data source is registered too, and disposed with the container).
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="connectionString">An Npgsql connection string.</param>
    /// <returns>The same services.</returns>
    public static IServiceCollection AddCmmsData(this IServiceCollection services, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);

        services.AddSingleton(_ => NpgsqlDataSource.Create(connectionString));
        services.AddDbContextPool<CmmsDbContext>((provider, options) =>
            options.UseCmmsData(provider.GetRequiredService<NpgsqlDataSource>()));
        return services;
    }

    /// <summary>
    ///     Registers a pooled <see cref="CmmsDbContext" /> on an existing <see cref="NpgsqlDataSource" />, which the
    ///     caller owns.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="dataSource">The data source.</param>
    /// <returns>The same services.</returns>
    public static IServiceCollection AddCmmsData(this IServiceCollection services, NpgsqlDataSource dataSource)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(dataSource);

        services.AddDbContextPool<CmmsDbContext>(options => options.UseCmmsData(dataSource));
        return services;
    }
}
