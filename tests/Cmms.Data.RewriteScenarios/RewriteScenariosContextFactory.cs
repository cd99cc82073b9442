using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Cmms.Data.RewriteScenarios;

/// <summary>
///     Builds <see cref="RewriteScenariosContext" /> for <c>dotnet ef</c> and efbundle as an application's design-time
///     factory does (Cmms.Data.Migrations' <c>CmmsDesignTimeDbContextFactory</c> is the model): the safe migrations engine
///     on the connection string in <c>CMMS_DB_CONNECTION</c>, its failures thrown as the <see cref="OperationException" />
///     dotnet ef and efbundle print as one line.
/// </summary>
public sealed class RewriteScenariosContextFactory : IDesignTimeDbContextFactory<RewriteScenariosContext>
{
    /// <summary>The environment variable holding the connection string.</summary>
    public const string ConnectionVariable = "CMMS_DB_CONNECTION";

    // Never opened (.invalid never resolves): dotnet ef migrations bundle only builds the context.
    private const string ModelOnlyConnection = "Host=cmms-db-connection-not-set.invalid;Database=rewrite_scenarios";

    /// <inheritdoc />
    public RewriteScenariosContext CreateDbContext(string[] args)
    {
        // Bundling builds the context without a database; the tests always set the variable when they migrate.
        var connectionString = Environment.GetEnvironmentVariable(ConnectionVariable) is { Length: > 0 } given ? given : ModelOnlyConnection;
        var options = new DbContextOptionsBuilder<RewriteScenariosContext>()
            .UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable(RewriteScenariosContext.HistoryTable))
            .UseSafeMigrations(safe => safe.LockTimeout(TimeSpan.FromSeconds(2)).ThrowAs(failure => new OperationException(failure.Message, failure)))
            // The scenarios have no model to snapshot: their migrations change tables the tests created by hand.
            .ConfigureWarnings(warnings => warnings
                .Ignore(RelationalEventId.PendingModelChangesWarning)
                // The engine's one line replaces EF Core's report of the failed command, which prints its whole text.
                .Log((RelationalEventId.CommandError, LogLevel.Debug)));
        return new RewriteScenariosContext(options.Options);
    }
}
