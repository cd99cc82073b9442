using System.CommandLine;
using Cmms.Data.Tool.Connection;

namespace Cmms.Data.Tool.CommandLine;

/// <summary>
///     What a running command gets: its parsed options, the console, and the database connection resolved on demand.
/// </summary>
internal sealed class ToolContext(ParseResult parseResult, ToolConsole console)
{
    private DatabaseConnection? _connection;

    public ParseResult ParseResult { get; } = parseResult;

    public ToolConsole Console { get; } = console;

    public bool Json => ParseResult.GetValue(CommonOptions.Json);

    public bool Verbose => ParseResult.GetValue(CommonOptions.Verbose);

    /// <summary>The connection the command works on, once resolved (for error messages).</summary>
    public DatabaseConnection? ResolvedConnection => _connection;

    public T? Get<T>(Option<T> option) => ParseResult.GetValue(option);

    /// <summary>
    ///     Resolves <c>--connection</c>, then <c>CMMS_DB_CONNECTION</c>, then the embedded server (started on first
    ///     use). Says on standard error which one is used, never with its password, when it is the embedded server
    ///     (which nobody named) or with <c>--verbose</c>; otherwise a failure stays the one line cmms-db prints.
    /// </summary>
    public async Task<DatabaseConnection> GetConnectionAsync(CancellationToken cancellationToken)
    {
        if (_connection is null)
        {
            RefuseSqlite();
            _connection = await ConnectionResolver.ResolveAsync(ParseResult.GetValue(CommonOptions.Connection), cancellationToken)
                .ConfigureAwait(false);
            if (Verbose || _connection.Source == ConnectionSource.Embedded)
            {
                Console.Error.WriteLine($"Using {_connection.Description} ({_connection.SourceDescription}).");
            }
        }

        return _connection;
    }

    /// <summary>
    ///     The SQLite file the connection names (<see cref="ConnectionResolver.Named" />), as a
    ///     Microsoft.Data.Sqlite connection string, or <see langword="null" /> for PostgreSQL.
    /// </summary>
    public string? SqliteConnectionString
        => SqliteFile.ConnectionString(
            ConnectionResolver.Named(ParseResult.GetValue(CommonOptions.Connection))?.ConnectionString,
            ParseResult.GetValue(CommonOptions.Provider));

    // Every command but analyze works on PostgreSQL alone: a SQLite file is refused in one line, before anything is opened.
    private void RefuseSqlite()
    {
        if (SqliteConnectionString is not null)
        {
            throw new Errors.ToolException(
                $"cmms-db {ParseResult.CommandResult.Command.Name} works on PostgreSQL only, and the connection names a SQLite database: "
                + "only cmms-db analyze reads SQLite files. Pass a PostgreSQL connection string.",
                ExitCodes.Usage);
        }
    }
}
