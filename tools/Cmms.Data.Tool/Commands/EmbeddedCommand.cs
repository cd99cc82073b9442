using System.CommandLine;
using System.Text.Json;
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
        var connectionString = await EmbeddedServer.EnsureDatabaseAsync(cancellationToken).ConfigureAwait(false);
        var connection = ConnectionResolver.Validate(connectionString, ConnectionSource.Embedded);
        await WriteAsync(context, "running", connection.Description).ConfigureAwait(false);
        return ExitCodes.Success;
    }

    private static async Task<int> StopAsync(ToolContext context, CancellationToken cancellationToken)
    {
        var cluster = EmbeddedServer.Cluster();
        await cluster.StopAsync(cancellationToken).ConfigureAwait(false);
        await WriteAsync(context, "stopped", null).ConfigureAwait(false);
        return ExitCodes.Success;
    }

    private static async Task<int> StatusAsync(ToolContext context, CancellationToken cancellationToken)
    {
        var status = await EmbeddedServer.Cluster().GetStatusAsync(cancellationToken).ConfigureAwait(false);
        var description = status.State == LocalPostgresState.Running
            ? ConnectionResolver.Validate(EmbeddedServer.Cluster().GetConnectionString(EmbeddedServer.DatabaseName), ConnectionSource.Embedded).Description
            : null;
        await WriteAsync(context, status.State == LocalPostgresState.NotCreated ? "not created" : status.State.ToString().ToLowerInvariant(), description).ConfigureAwait(false);
        return ExitCodes.Success;
    }

    private static Task WriteAsync(ToolContext context, string state, string? connection)
        => context.Json
            ? context.Console.Out.WriteLineAsync(JsonSerializer.Serialize(new { state, directory = EmbeddedServer.Directory, connection }, ToolJson.Options))
            : context.Console.Out.WriteLineAsync(
                $"embedded server: {state} ({EmbeddedServer.Directory})" + (connection is null ? string.Empty : $"{Environment.NewLine}connection: {connection}"));
}
