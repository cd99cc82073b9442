using System.CommandLine;
using Cmms.Data.CommandLine;
using Cmms.Data.Tool.Connection;

namespace Cmms.Data.Tool.CommandLine;

/// <summary>
///     The options several commands share, declared once. <c>--verbose</c> is on the root for every command;
///     <c>--connection</c> and <c>--json</c> are added only to the commands that use them, so help never offers an
///     option that does nothing.
/// </summary>
internal static class CommonOptions
{
    public static readonly Option<string?> Connection = new("--connection", "-c")
    {
        Description = "Npgsql connection string (Host=…;Database=…;Username=…) or postgres:// URI; for analyze also a SQLite file (Data Source=app.db). "
            + "Default: $CMMS_DB_CONNECTION, else the embedded server in .cmms/postgres.",
        HelpName = "connection-string",
    };

    /// <summary>Forces the database engine of <see cref="Connection" />; analyze alone takes it (the other commands are PostgreSQL's).</summary>
    public static readonly Option<string?> Provider = ChoiceOption.Create(
        "--provider",
        "The database engine: sqlite or postgresql. Default: detected from the connection (Data Source=app.db or a path ending .db/.sqlite is SQLite).",
        SqliteFile.SqliteProvider,
        SqliteFile.PostgreSqlProvider);

    public static readonly Option<bool> Json = new("--json")
    {
        Description = "Write machine-readable JSON to standard output.",
    };

    /// <summary>
    ///     <c>--pruned</c> on <c>migrate</c> and <c>status</c>: also list the indexes the conventions pruned from the model.
    ///     Off by default: the list does not change between runs, and building the model for it takes seconds.
    /// </summary>
    public static readonly Option<bool> Pruned = new("--pruned")
    {
        Description = "Also list the indexes the index conventions pruned from the model, each with its reason and the index that covers it (builds the model: slower).",
    };

    public static readonly Option<bool> Verbose = new("--verbose", "-v")
    {
        Description = "Show more detail on standard error, including the full error of a failure (never a password).",
        Recursive = true,
    };
}
