using System.Security.Cryptography;
using Cmms.Data.IntegrationTests.Infrastructure;
using Npgsql;

namespace Cmms.Data.IntegrationTests.Analysis;

/// <summary>
///     A login role that may connect to one database and use some of its schemas, and nothing else: no table, sequence
///     or function privilege. Disposing drops it.
/// </summary>
internal sealed class ReadOnlyRole : IAsyncDisposable
{
    private const string Password = "read-only-secret";

    private readonly string _adminConnectionString;
    private readonly string _database;

    private ReadOnlyRole(string adminConnectionString, string database, string name)
    {
        _adminConnectionString = adminConnectionString;
        _database = database;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(adminConnectionString) { Username = name, Password = Password }.ConnectionString;
    }

    public string Name { get; }

    /// <summary>The database's connection string, logged in as this role.</summary>
    public string ConnectionString { get; }

    public static async Task<ReadOnlyRole> CreateAsync(string adminConnectionString, params string[] schemas)
    {
        var database = new NpgsqlConnectionStringBuilder(adminConnectionString).Database!;
        var role = new ReadOnlyRole(adminConnectionString, database, "analyze_ro_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4)));
        await Sql.ExecuteEachAsync(
            adminConnectionString,
            [
                $"CREATE ROLE {role.Name} LOGIN PASSWORD '{Password}' NOSUPERUSER NOCREATEDB NOCREATEROLE",
                $"REVOKE ALL ON DATABASE {AnalysisDatabase.Quote(database)} FROM PUBLIC",
                $"GRANT CONNECT ON DATABASE {AnalysisDatabase.Quote(database)} TO {role.Name}",
                .. schemas.Select(s => $"GRANT USAGE ON SCHEMA {AnalysisDatabase.Quote(s)} TO {role.Name}"),
            ]);
        return role;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearPool(new NpgsqlConnection(ConnectionString));
        await Sql.ExecuteEachAsync(
            _adminConnectionString,
            $"DROP OWNED BY {Name}",
            $"REVOKE ALL ON DATABASE {AnalysisDatabase.Quote(_database)} FROM {Name}",
            $"DROP ROLE {Name}");
    }
}
