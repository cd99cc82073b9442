using System.CommandLine;
using Cmms.Data.Connection;

namespace Cmms.Data.Bench.CommandLine;

/// <summary>What a running cmms-bench command gets: its parsed options, the console, and the server to work on.</summary>
internal sealed class BenchContext(ParseResult parseResult, BenchConsole console)
{
    /// <summary>The environment variable cmms-db also reads, so one setting serves both tools.</summary>
    public const string ConnectionVariable = Benchmarks.BenchEnvironment.ConnectionVariable;

    public static readonly Option<string?> Connection = new("--connection", "-c")
    {
        Description = $"Connection string (Npgsql's Key=Value form or a postgresql:// URI, as cmms-db takes) of the server to benchmark on (databases are created next to the named one). Default: ${ConnectionVariable}.",
        HelpName = "connection-string",
        Recursive = true,
    };

    public static readonly Option<bool> JsonOption = new("--json")
    {
        Description = "Write machine-readable JSON to standard output.",
        Recursive = true,
    };

    public static readonly Option<bool> VerboseOption = new("--verbose", "-v")
    {
        Description = "Show more detail on standard error, including the full error of a failure.",
        Recursive = true,
    };

    public BenchConsole Console { get; } = console;

    public bool Json => parseResult.GetValue(JsonOption);

    public bool Verbose => parseResult.GetValue(VerboseOption);

    public T? Get<T>(Option<T> option) => parseResult.GetValue(option);

    /// <summary>Whether a server was named (<c>--connection</c> or <c>CMMS_DB_CONNECTION</c>).</summary>
    public bool HasConnection
        => !string.IsNullOrWhiteSpace(parseResult.GetValue(Connection)) || !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(ConnectionVariable));

    /// <summary>
    ///     <c>--connection</c>, else <c>CMMS_DB_CONNECTION</c>, read as cmms-db reads it (<see cref="ConnectionStrings" />); the
    ///     benchmark never starts a server of its own.
    /// </summary>
    public string ServerConnectionString()
    {
        var value = parseResult.GetValue(Connection);
        if (string.IsNullOrWhiteSpace(value))
        {
            value = Environment.GetEnvironmentVariable(ConnectionVariable);
        }

        if (string.IsNullOrWhiteSpace(value))
        {
            throw new BenchException($"No server to benchmark on: pass --connection \"Host=…;Database=…;Username=…\" or set {ConnectionVariable}.");
        }

        try
        {
            return ConnectionStrings.Resolve(value, "cmms-bench").ConnectionString;
        }
        catch (FormatException ex)
        {
            throw new BenchException($"The connection string is malformed: {ex.Message}. Expected {ConnectionStrings.ExpectedForms}.");
        }
    }
}
