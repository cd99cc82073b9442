using Cmms.Data.Tool.CommandLine;
using Cmms.Data.Tool.Errors;
using Npgsql;

namespace Cmms.Data.Tool.Connection;

/// <summary>
///     Chooses the database: <c>--connection</c>, else <c>CMMS_DB_CONNECTION</c>, else the embedded server.
/// </summary>
internal static class ConnectionResolver
{
    public const string EnvironmentVariable = "CMMS_DB_CONNECTION";

    /// <summary>The application name of cmms-db's sessions when the connection string sets none.</summary>
    public const string ApplicationName = "cmms-db";

    // An unreachable host must fail in bounded time; Npgsql's own default is 15 s.
    private const int DefaultConnectTimeoutSeconds = 10;

    public static async Task<DatabaseConnection> ResolveAsync(string? option, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(option))
        {
            return Validate(option, ConnectionSource.Option);
        }

        var fromEnvironment = System.Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return Validate(fromEnvironment, ConnectionSource.Environment);
        }

        var embedded = await EmbeddedServer.EnsureDatabaseAsync(cancellationToken).ConfigureAwait(false);
        return Validate(embedded, ConnectionSource.Embedded);
    }

    /// <summary>Parses a connection string, rejecting a malformed one with a message that never repeats it.</summary>
    public static DatabaseConnection Validate(string connectionString, ConnectionSource source)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidOperationException)
        {
            throw new ToolException(
                $"The connection string {Origin(source)} is malformed ({ex.Message.Split('\n', 2)[0].TrimEnd('.')}). "
                + "Expected the form Host=…;Port=5432;Database=…;Username=…;Password=….",
                ExitCodes.Usage);
        }

        if (string.IsNullOrWhiteSpace(builder.Host))
        {
            throw new ToolException($"The connection string {Origin(source)} has no Host=. Expected Host=…;Database=…;Username=….", ExitCodes.Usage);
        }

        if (!connectionString.Contains("timeout", StringComparison.OrdinalIgnoreCase))
        {
            builder.Timeout = DefaultConnectTimeoutSeconds;
        }

        // Names cmms-db's sessions in pg_stat_activity, e.g. when a migrator waits for another one's lock.
        if (string.IsNullOrEmpty(builder.ApplicationName))
        {
            builder.ApplicationName = ApplicationName;
        }

        return new DatabaseConnection(builder, source);
    }

    private static string Origin(ConnectionSource source) => source switch
    {
        ConnectionSource.Option => "given with --connection",
        ConnectionSource.Environment => $"in {EnvironmentVariable}",
        _ => "of the embedded server",
    };
}
