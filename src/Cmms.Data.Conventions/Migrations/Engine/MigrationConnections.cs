using Npgsql;

namespace Cmms.Data.Conventions.Migrations.Engine;

/// <summary>The side connections of a migration run (lock, progress), made from the context's own connection.</summary>
internal static class MigrationConnections
{
    /// <summary>
    ///     A new unpooled connection to the same database as <paramref name="template" />: closing it ends its session,
    ///     so nothing it holds or sets can outlive it in a pool. <see cref="NpgsqlConnection.CloneWith" /> keeps the
    ///     password, which the connection string of an opened connection no longer shows.
    /// </summary>
    public static NpgsqlConnection Dedicated(NpgsqlConnection template, string purpose)
        => template.CloneWith(DedicatedConnectionString(template, purpose));

    /// <summary>The connection string of <see cref="Dedicated" />: unpooled, its application name saying what the session does.</summary>
    public static string DedicatedConnectionString(NpgsqlConnection template, string purpose)
    {
        var builder = new NpgsqlConnectionStringBuilder(template.ConnectionString)
        {
            Pooling = false,
            Multiplexing = false,
        };
        builder.ApplicationName = $"{builder.ApplicationName ?? "EF Core"} ({purpose})";
        return builder.ConnectionString;
    }
}
