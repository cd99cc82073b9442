using System.CommandLine;
using System.Text.Json;
using Cmms.Data.CommandLine;
using Cmms.Data.LocalPostgres;
using Cmms.Data.Tool.CommandLine;
using Cmms.Data.Tool.Connection;

namespace Cmms.Data.Tool.Commands;

/// <summary><c>cmms-db embedded start|stop|status</c>: manages the embedded server in <c>.cmms/postgres</c>.</summary>
internal static class EmbeddedCommand
{
    public static Command Create(ToolConsole console)
    {
        var embedded = new Command("embedded", "Manage the embedded PostgreSQL server kept in .cmms/postgres under the working directory.");
        embedded.Subcommands.Add(ToolCommand.Create("start", "Create (on first use) and start the embedded server.", console, StartAsync, CommonOptions.Json));
        embedded.Subcommands.Add(ToolCommand.Create("stop", "Stop the embedded server; its data stays in .cmms/postgres.", console, StopAsync, CommonOptions.Json));
        embedded.Subcommands.Add(ToolCommand.Create("status", "Show whether the embedded server exists and runs.", console, StatusAsync, CommonOptions.Json));
        return embedded;
    }

    private static async Task<int> StartAsync(ToolContext context, CancellationToken cancellationToken)
    {
        using var cluster = EmbeddedServer.Cluster();
        var connectionString = await cluster.EnsureDatabaseAsync(EmbeddedServer.DatabaseName, cancellationToken).ConfigureAwait(false);
        await WriteAsync(context, "running", cluster, connectionString).ConfigureAwait(false);
        return ExitCodes.Success;
    }

    private static async Task<int> StopAsync(ToolContext context, CancellationToken cancellationToken)
    {
        using var cluster = EmbeddedServer.Cluster();
        await cluster.StopAsync(cancellationToken).ConfigureAwait(false);
        await WriteAsync(context, "stopped", cluster, connectionString: null).ConfigureAwait(false);
        return ExitCodes.Success;
    }

    private static async Task<int> StatusAsync(ToolContext context, CancellationToken cancellationToken)
    {
        using var cluster = EmbeddedServer.Cluster();
        var status = await cluster.GetStatusAsync(cancellationToken).ConfigureAwait(false);
        var state = status.State == LocalPostgresState.NotCreated ? "not created" : status.State.ToString().ToLowerInvariant();
        var connectionString = status.State == LocalPostgresState.Running ? cluster.GetConnectionString(EmbeddedServer.DatabaseName) : null;
        await WriteAsync(context, state, cluster, connectionString).ConfigureAwait(false);
        return ExitCodes.Success;
    }

    // The connection string is printed without its password (DatabaseConnection.Description), and the file that holds it is named instead.
    private static Task WriteAsync(ToolContext context, string state, LocalPostgresCluster cluster, string? connectionString)
    {
        var connection = connectionString is null ? null : ConnectionResolver.Validate(connectionString, ConnectionSource.Embedded).Description;
        // A cluster an older cmms-db made with trust authentication has no password file until its next start.
        var passwordFile = connection is not null && File.Exists(cluster.PasswordFile) ? cluster.PasswordFile : null;
        return context.Json
            ? context.Console.Out.WriteLineAsync(
                JsonSerializer.Serialize(new { state, directory = cluster.Directory, connection, passwordFile }, CliJson.Options))
            : context.Console.Out.WriteLineAsync(
                $"embedded server: {state} ({cluster.Directory})"
                + (connection is null ? string.Empty : $"{Environment.NewLine}connection: {connection}")
                + (passwordFile is null ? string.Empty : $"{Environment.NewLine}password: in {passwordFile} (readable by its owner only)"));
    }
}
