using Cmms.Data.CommandLine;
using Cmms.Data.Connection;
using Cmms.Data.Tool.CommandLine;
using Cmms.Data.Tool.Errors;
namespace Cmms.Data.Tool.Connection;

/// <summary>
///     Chooses the database: <c>--connection</c>, else <c>CMMS_DB_CONNECTION</c>, else the embedded server.
/// </summary>
internal static class ConnectionResolver
{
    public const string EnvironmentVariable = "CMMS_DB_CONNECTION";

    /// <summary>The application name of cmms-db's sessions when the connection string sets none.</summary>
    public const string ApplicationName = "cmms-db";

    public static async Task<DatabaseConnection> ResolveAsync(string? option, CancellationToken cancellationToken)
    {
        if (Named(option) is { } named)
        {
            return Validate(named.ConnectionString, named.Source);
        }

        var embedded = await EmbeddedServer.EnsureDatabaseAsync(cancellationToken).ConfigureAwait(false);
        return Validate(embedded, ConnectionSource.Embedded);
    }

    /// <summary>
    ///     The connection string the user named: <c>--connection</c> (<paramref name="option" />), else
    ///     <c>CMMS_DB_CONNECTION</c>; a value of only white space names nothing. <see langword="null" /> when neither
    ///     names one (the embedded server then serves).
    /// </summary>
    public static (string ConnectionString, ConnectionSource Source)? Named(string? option)
        => Named(option, System.Environment.GetEnvironmentVariable(EnvironmentVariable));

    /// <summary>The rule of <see cref="Named(string?)" />, given the environment variable's value.</summary>
    public static (string ConnectionString, ConnectionSource Source)? Named(string? option, string? environment)
    {
        if (!string.IsNullOrWhiteSpace(option))
        {
            return (option, ConnectionSource.Option);
        }

        return string.IsNullOrWhiteSpace(environment) ? null : (environment, ConnectionSource.Environment);
    }

    /// <summary>
    ///     Parses a connection string (<see cref="ConnectionStrings.Resolve" />), rejecting a malformed one with a message
    ///     that names the wrong part but repeats none of its text. cmms-db's sessions are named <see cref="ApplicationName" />
    ///     in pg_stat_activity, e.g. when a migrator waits for another one's lock.
    /// </summary>
    public static DatabaseConnection Validate(string connectionString, ConnectionSource source)
    {
        try
        {
            return new DatabaseConnection(ConnectionStrings.Resolve(connectionString, ApplicationName), source);
        }
        catch (FormatException ex)
        {
            throw new ToolException(
                $"The connection string {Origin(source)} is malformed: {ex.Message}. Expected {ConnectionStrings.ExpectedForms}.", ExitCodes.Usage);
        }
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
            password = ConnectionStrings.Parse(connectionString).Password;
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
}
