using System.Text.Json;
using Cmms.Data.CommandLine;
using Cmms.Data.Analysis.Sql;
using Cmms.Data.Tool.CommandLine;
using Cmms.Data.Tool.Connection;
using Cmms.Data.Tool.Migrations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Cmms.Data.Conventions;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace Cmms.Data.Tool.Commands;

/// <summary>
///     <c>cmms-db status</c>: applied and pending migrations, whether the model has changes no migration captures,
///     and invalid indexes. Reads only.
/// </summary>
internal static class StatusCommand
{
    public static System.CommandLine.Command Create(ToolConsole console)
        => ToolCommand.Create(
            "status",
            "Show applied and pending migrations, whether the model has changes no migration captures, the schema's table and index counts and invalid indexes. Changes nothing.",
            console,
            RunAsync,
            CommonOptions.Connection,
            CommonOptions.Json,
            CommonOptions.Pruned);

    private static async Task<int> RunAsync(ToolContext context, CancellationToken cancellationToken)
    {
        var connection = await context.GetConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var dataSource = NpgsqlDataSource.Create(connection.ConnectionString);
        using var db = CmmsContextFactory.Create(dataSource, static _ => { });
        var catalog = MigrationCatalog.Cmms;
        var model = db.GetService<IDesignTimeModel>().Model;

        await using var npgsql = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var state = await DatabaseState.ReadAsync(db, npgsql, cancellationToken).ConfigureAwait(false);
        var indexes = await IndexSummary.ReadAsync(dataSource, cancellationToken).ConfigureAwait(false);
        var pruned = context.Get(CommonOptions.Pruned) ? model.GetPrunedIndexes() : null;

        var applied = state.Known(catalog);
        var pending = state.Pending(catalog);
        var unknown = state.Unknown(catalog);
        var current = state.Current(catalog);
        var modelChanges = db.Database.HasPendingModelChanges();

        if (context.Json)
        {
            await context.Console.Out.WriteLineAsync(JsonSerializer.Serialize(
                new
                {
                    database = connection.Database,
                    current,
                    applied,
                    pending,
                    unknown,
                    hasPendingModelChanges = modelChanges,
                    invalidIndexes = indexes.Invalid,
                    indexes = new IndexSummaryJson(indexes, pruned),
                },
                CliJson.Options)).ConfigureAwait(false);
            return ExitCodes.Success;
        }

        var output = context.Console.Out;
        await output.WriteLineAsync($"Database '{connection.Database}' is at {current}.").ConfigureAwait(false);
        await output.WriteLineAsync($"Applied ({applied.Count}): {List(applied)}").ConfigureAwait(false);
        await output.WriteLineAsync($"Pending ({pending.Count}): {List(pending)}").ConfigureAwait(false);
        if (unknown.Count > 0)
        {
            await output.WriteLineAsync($"Unknown to this cmms-db ({unknown.Count}; migrate refuses to run until a build that knows them is used): {List(unknown)}").ConfigureAwait(false);
        }

        await output.WriteLineAsync(modelChanges
            ? "Model changes no migration captures: yes (add a migration: dotnet ef migrations add NAME --project migrations/Cmms.Data.Migrations)"
            : "Model changes no migration captures: none").ConfigureAwait(false);
        await output.WriteLineAsync(indexes.Invalid.Count > 0
            ? $"Invalid indexes ({indexes.Invalid.Count}, left by failed concurrent builds; cmms-db migrate rebuilds those the model declares, even with nothing pending): {List(indexes.Invalid)}"
            : "Invalid indexes: none").ConfigureAwait(false);
        await SchemaSummaryView.WriteAsync(context.Console, indexes, pruned, listInvalid: false).ConfigureAwait(false);
        return ExitCodes.Success;
    }

    // Index names come from the database: shown with unprintable characters escaped.
    private static string List(IEnumerable<string> items) => string.Join(", ", items.Select(UnprintableText.Escape)) is { Length: > 0 } text ? text : "none";
}
