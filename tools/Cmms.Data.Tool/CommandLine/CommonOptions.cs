using System.CommandLine;

namespace Cmms.Data.Tool.CommandLine;

/// <summary>The options every command accepts, declared once on the root command.</summary>
internal static class CommonOptions
{
    public static readonly Option<string?> Connection = new("--connection", "-c")
    {
        Description = "Npgsql connection string. Default: $CMMS_DB_CONNECTION, else the embedded server in .cmms/postgres.",
        HelpName = "connection-string",
        Recursive = true,
    };

    public static readonly Option<bool> Json = new("--json")
    {
        Description = "Write machine-readable JSON to standard output.",
        Recursive = true,
    };

    public static readonly Option<bool> Verbose = new("--verbose", "-v")
    {
        Description = "Show more detail on standard error, including the full error of a failure.",
        Recursive = true,
    };

    public static void AddTo(Command command)
    {
        command.Options.Add(Connection);
        command.Options.Add(Json);
        command.Options.Add(Verbose);
    }
}
