using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.Extensions.Logging;

namespace Cmms.Data.Migrations;

/// <summary>
///     Builds <see cref="CmmsDbContext" /> for <c>dotnet ef</c>, exactly as applications configure it
///     (<c>UseCmmsData</c>), on the connection string in <c>CMMS_DB_CONNECTION</c>.
/// </summary>
/// <remarks>
///     Commands that only read the model (<c>migrations add</c>, <c>migrations script</c>,
///     <c>migrations has-pending-model-changes</c>) need no server; <c>database update</c> does:
///     <code>CMMS_DB_CONNECTION="Host=…;Database=…;Username=…" dotnet ef database update --project migrations/Cmms.Data.Migrations</code>
/// </remarks>
public sealed class CmmsDesignTimeDbContextFactory : IDesignTimeDbContextFactory<CmmsDbContext>
{
    /// <summary>The environment variable holding the connection string.</summary>
    public const string ConnectionVariable = "CMMS_DB_CONNECTION";

    // Only model commands run without CMMS_DB_CONNECTION; a database command fails to connect to this host and says so.
    private const string ModelOnlyConnection = "Host=cmms-db-connection-not-set.invalid;Database=cmms";

    /// <inheritdoc />
    public CmmsDbContext CreateDbContext(string[] args)
    {
        var connectionString = Environment.GetEnvironmentVariable(ConnectionVariable);
        var options = new DbContextOptionsBuilder<CmmsDbContext>();
        options.UseCmmsData(string.IsNullOrWhiteSpace(connectionString) ? ModelOnlyConnection : connectionString);

        // dotnet ef attaches its console to the context's logger only after the model is built, so the conventions'
        // warnings (which index was pruned, and why) would go nowhere. Standard error keeps `migrations script` output clean.
        options.LogTo(Console.Error.WriteLine, LogLevel.Warning);
        return new CmmsDbContext(options.Options);
    }
}
