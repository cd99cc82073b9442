using System.Text.RegularExpressions;
using Cmms.Data.CommandLine;
using Cmms.Data.Tool.CommandLine;
using Cmms.Data.Tool.Errors;
using Npgsql;

namespace Cmms.Data.Tool.Connection;

/// <summary>
///     Chooses the database: <c>--connection</c>, else <c>CMMS_DB_CONNECTION</c>, else the embedded server.
/// </summary>
internal static partial class ConnectionResolver
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

    /// <summary>
    ///     Parses a connection string, in Npgsql's <c>Key=Value</c> form or as a <c>postgres://</c> URI, rejecting a
    ///     malformed one with a message that names the wrong part but repeats none of its text.
    /// </summary>
    public static DatabaseConnection Validate(string connectionString, ConnectionSource source)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = PostgresUri.IsUri(connectionString) ? PostgresUri.Parse(connectionString) : KeyValueConnectionString.Parse(connectionString);
        }
        catch (FormatException ex)
        {
            throw new ToolException(
                $"The connection string {Origin(source)} is malformed: {ex.Message}. "
                + "Expected Host=…;Port=5432;Database=…;Username=…;Password=… or postgresql://user:password@host:5432/database.",
                ExitCodes.Usage);
        }

        if (string.IsNullOrWhiteSpace(builder.Host))
        {
            throw new ToolException($"The connection string {Origin(source)} has no host. Expected Host=…;Database=…;Username=….", ExitCodes.Usage);
        }

        if (!ExplicitTimeout().IsMatch(builder.ConnectionString))
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

    /// <summary>
    ///     What <paramref name="connectionString" /> must never show, for scrubbing diagnostics: the text itself and,
    ///     where it can be parsed, its password.
    /// </summary>
    public static IEnumerable<string> Secrets(string? connectionString)
    {
        if (string.IsNullOrEmpty(connectionString))
        {
            yield break;
        }

        // A SQLite file's path is what its errors must name; only a password (Password=, for an encrypted file) is secret.
        if (SqliteFile.Password(connectionString) is { } sqlite)
        {
            if (sqlite.Length > 0)
            {
                yield return sqlite;
            }

            yield break;
        }

        yield return connectionString;
        string? password;
        try
        {
            password = (PostgresUri.IsUri(connectionString) ? PostgresUri.Parse(connectionString) : KeyValueConnectionString.Parse(connectionString)).Password;
        }
        catch (FormatException)
        {
            password = null;
        }

        if (!string.IsNullOrEmpty(password))
        {
            yield return password;
        }
    }

    private static string Origin(ConnectionSource source) => source switch
    {
        ConnectionSource.Option => "given with --connection",
        ConnectionSource.Environment => $"in {EnvironmentVariable}",
        _ => "of the embedded server",
    };

    [GeneratedRegex(@"(^|;)\s*Timeout=", RegexOptions.IgnoreCase)]
    private static partial Regex ExplicitTimeout();
}
