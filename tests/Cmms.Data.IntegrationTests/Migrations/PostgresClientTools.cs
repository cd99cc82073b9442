using System.Globalization;
using Cmms.Data.IntegrationTests.Infrastructure;
using Cmms.Data.LocalPostgres;
using Npgsql;

namespace Cmms.Data.IntegrationTests.Migrations;

/// <summary>Runs the PostgreSQL client programs (psql, pg_dump) against a test database.</summary>
public static class PostgresClientTools
{
    private static readonly Lazy<PostgresBinaries> Binaries = new(PostgresBinaries.Locate);

    /// <summary>Runs a SQL file with <c>psql -v ON_ERROR_STOP=1</c>; returns the exit code and output.</summary>
    public static Task<(int ExitCode, string Output)> RunScriptAsync(string connectionString, string file)
        => RunAsync("psql", connectionString, "-X", "-q", "-v", "ON_ERROR_STOP=1", "-f", file);

    /// <summary>The schema of a database as <c>pg_dump --schema-only</c> prints it, for comparing two databases.</summary>
    public static async Task<string> DumpSchemaAsync(string connectionString)
    {
        var (exitCode, output) = await RunAsync("pg_dump", connectionString, "--schema-only", "--no-owner", "--no-privileges");
        exitCode.Should().Be(0, output);

        // pg_dump 15.14+ brackets its output with \restrict lines carrying a random key.
        return string.Join('\n', output.Split('\n').Where(line => !line.StartsWith("\\restrict", StringComparison.Ordinal) && !line.StartsWith("\\unrestrict", StringComparison.Ordinal)));
    }

    private static Task<(int ExitCode, string Output)> RunAsync(string program, string connectionString, params string[] arguments)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        string[] connection = ["-h", builder.Host!, "-p", builder.Port.ToString(CultureInfo.InvariantCulture), "-U", builder.Username!, "-d", builder.Database!];
        var environment = builder.Password is { } password ? new Dictionary<string, string> { ["PGPASSWORD"] = password } : null;
        return ChildProcess.RunAsync(Binaries.Value.Program(program), [.. connection, .. arguments], environment);
    }
}
