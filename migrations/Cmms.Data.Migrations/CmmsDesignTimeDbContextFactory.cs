using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Cmms.Data.Migrations;

/// <summary>
///     Builds <see cref="CmmsDbContext" /> for <c>dotnet ef</c> and efbundle, exactly as applications configure it
///     (<c>UseCmmsData</c>, so the safe migration engine runs), on the connection string in <c>CMMS_DB_CONNECTION</c>.
/// </summary>
/// <remarks>
///     Commands that only read the model (<c>migrations add</c>, <c>migrations script</c>,
///     <c>migrations has-pending-model-changes</c>) need no server; <c>database update</c> and efbundle do:
///     <code>CMMS_DB_CONNECTION="Host=…;Database=…;Username=…" dotnet ef database update --project migrations/Cmms.Data.Migrations</code>
///     When the variable is missing, malformed or names a server that cannot be reached, the first database access fails
///     with one line (<see cref="OperationException" />, which dotnet ef prints without a stack trace).
/// </remarks>
public sealed class CmmsDesignTimeDbContextFactory : IDesignTimeDbContextFactory<CmmsDbContext>
{
    /// <summary>The environment variable holding the connection string.</summary>
    public const string ConnectionVariable = "CMMS_DB_CONNECTION";

    // Never opened: model commands run without CMMS_DB_CONNECTION, and a database command is stopped before it connects.
    private const string ModelOnlyConnection = "Host=cmms-db-connection-not-set.invalid;Database=cmms";

    /// <summary>How to get a connection string for a local database, for the messages.</summary>
    internal const string EmbeddedServerHint =
        "for the embedded development server, `dotnet run --project tools/Cmms.Data.Tool -- embedded start` prints one";

    /// <inheritdoc />
    public CmmsDbContext CreateDbContext(string[] args)
    {
        var connectionString = Environment.GetEnvironmentVariable(ConnectionVariable);
        var problem = Validate(connectionString);
        var options = new DbContextOptionsBuilder<CmmsDbContext>();
        options.UseCmmsData(problem is null ? connectionString! : ModelOnlyConnection);

        // dotnet ef and efbundle print an OperationException as its one line, anything else with its stack trace.
        options.UseSafeMigrations(safe => safe.ThrowAs(failure => new OperationException(failure.Message, failure)));
        options.AddInterceptors(new DesignTimeConnectionInterceptor(problem));

        // dotnet ef and efbundle print EF Core's log. The interceptor's one line replaces EF Core's report of a failed
        // connection; the engine's own one-line retry and failure messages replace the execution strategy's retry warning
        // and the failed command's error, each of which would print a stack trace.
        options.ConfigureWarnings(warnings => warnings.Log(
            (RelationalEventId.ConnectionError, LogLevel.Debug),
            (CoreEventId.ExecutionStrategyRetrying, LogLevel.Debug),
            (RelationalEventId.CommandError, LogLevel.Debug)));

        // dotnet ef attaches its console to the context's logger only after the model is built, so the conventions'
        // warnings (which index was pruned, and why) would go nowhere. They matter when a migration is scaffolded; on
        // every other command (database update, script, efbundle) they would bury its output, a one-line failure included.
        if (IsScaffoldingAMigration(Environment.GetCommandLineArgs()))
        {
            options.LogTo(Console.Error.WriteLine, LogLevel.Warning);
        }
        return new CmmsDbContext(options.Options);
    }

    // dotnet ef runs this factory inside its own ef.dll process, whose arguments carry the command: `… migrations add Name …`.
    private static bool IsScaffoldingAMigration(string[] processArguments)
    {
        for (var i = 0; i + 1 < processArguments.Length; i++)
        {
            if (processArguments[i] == "migrations" && processArguments[i + 1] == "add")
            {
                return true;
            }
        }

        return false;
    }

    private static string? Validate(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return $"{ConnectionVariable} is not set: set it to the Npgsql connection string of the database to migrate ({EmbeddedServerHint}).";
        }

        try
        {
            _ = new NpgsqlConnectionStringBuilder(connectionString);
            return null;
        }
        catch (ArgumentException ex)
        {
            // The parser's message names the bad keyword, never a value (so never a password).
            return $"{ConnectionVariable} is not a valid Npgsql connection string ({ex.Message}): fix it ({EmbeddedServerHint}).";
        }
    }
}
