using System.Text.RegularExpressions;
using Npgsql;

namespace Cmms.Data.Connection;

/// <summary>
///     Reads a connection string the way cmms-db and cmms-bench both do: Npgsql's <c>Key=Value</c> form or a libpq
///     <c>postgresql://</c> URI, with a host, a bounded connect timeout and the tool's application name unless the string
///     sets them.
/// </summary>
internal static partial class ConnectionStrings
{
    /// <summary>The forms accepted, for messages that say what was expected.</summary>
    public const string ExpectedForms = "Host=…;Port=5432;Database=…;Username=…;Password=… or postgresql://user:password@host:5432/database";

    // An unreachable host must fail in bounded time; Npgsql's own default is 15 s.
    private const int DefaultConnectTimeoutSeconds = 10;

    /// <summary>
    ///     Parses <paramref name="connectionString" /> and fills in what it leaves out: <c>Timeout</c> and the
    ///     <paramref name="applicationName" /> that names the tool's sessions in <c>pg_stat_activity</c>.
    /// </summary>
    /// <exception cref="FormatException">The string is malformed or names no host; the message holds none of its text.</exception>
    public static NpgsqlConnectionStringBuilder Resolve(string connectionString, string applicationName)
    {
        var builder = Parse(connectionString);
        if (string.IsNullOrWhiteSpace(builder.Host))
        {
            throw new FormatException("it has no host");
        }

        if (!ExplicitTimeout().IsMatch(builder.ConnectionString))
        {
            builder.Timeout = DefaultConnectTimeoutSeconds;
        }

        if (string.IsNullOrEmpty(builder.ApplicationName))
        {
            builder.ApplicationName = applicationName;
        }

        return builder;
    }

    /// <summary>Parses either form, as given.</summary>
    /// <exception cref="FormatException">The string is malformed; the message holds none of its text.</exception>
    public static NpgsqlConnectionStringBuilder Parse(string connectionString)
        => PostgresUri.IsUri(connectionString) ? PostgresUri.Parse(connectionString) : KeyValueConnectionString.Parse(connectionString);

    [GeneratedRegex(@"(^|;)\s*Timeout=", RegexOptions.IgnoreCase)]
    private static partial Regex ExplicitTimeout();
}
