using Microsoft.EntityFrameworkCore.Design;

namespace Cmms.Data.IntegrationTests.Engine;

/// <summary>
///     How <c>dotnet ef database update --project tests/Cmms.Data.IntegrationTests --context GaugeContext</c> makes the
///     context: on the database named by <see cref="ConnectionVariable" />, with the engine's defaults, as an application's
///     own design-time factory would.
/// </summary>
public sealed class GaugeDesignTimeContextFactory : IDesignTimeDbContextFactory<GaugeContext>
{
    /// <summary>The environment variable holding the connection string of the database to migrate.</summary>
    public const string ConnectionVariable = "GAUGE_DB_CONNECTION";

    /// <inheritdoc />
    public GaugeContext CreateDbContext(string[] args)
        => GaugeContext.Create(
            Environment.GetEnvironmentVariable(ConnectionVariable) is { Length: > 0 } connection
                ? connection
                : throw new InvalidOperationException($"{ConnectionVariable} is not set: set it to the connection string of the database to migrate."));
}
