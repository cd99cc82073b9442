using Npgsql;

namespace Cmms.Data.Tool.Connection;

/// <summary>
///     A validated connection string and how to talk about it without revealing its password.
/// </summary>
internal sealed class DatabaseConnection
{
    public DatabaseConnection(NpgsqlConnectionStringBuilder builder, ConnectionSource source)
    {
        ConnectionString = builder.ConnectionString;
        Source = source;
        Password = builder.Password;
        Database = builder.Database ?? builder.Username ?? "postgres";
        Endpoint = $"{builder.Host}:{builder.Port}";
        Description = $"Host={builder.Host};Port={builder.Port};Database={Database};Username={builder.Username}";
    }

    public string ConnectionString { get; }

    public ConnectionSource Source { get; }

    /// <summary>The password, only to scrub it from messages.</summary>
    public string? Password { get; }

    public string Database { get; }

    public string Endpoint { get; }

    /// <summary>The connection string without its password, safe to print.</summary>
    public string Description { get; }

    public string SourceDescription => Source switch
    {
        ConnectionSource.Option => "from --connection",
        ConnectionSource.Environment => "from CMMS_DB_CONNECTION",
        _ => "embedded server in .cmms/postgres",
    };
}
