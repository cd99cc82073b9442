using System.CommandLine;
using Cmms.Data.Analysis.Advice;
using Cmms.Data.Analysis.Catalog;
using Cmms.Data.Tool.CommandLine;
using Cmms.Data.Tool.Connection;
using Cmms.Data.Tool.Errors;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace Cmms.Data.Tool.Commands;

/// <summary>
///     <c>cmms-db advise</c>: index advice from the workload a database really runs (<c>pg_stat_statements</c>, or a file
///     of statements), measured with HypoPG hypothetical indexes and written as EF Core code. Never writes.
/// </summary>
internal static class AdviseCommand
{
    private static readonly Option<FileInfo?> Queries = new("--queries")
    {
        Description = "Advise on the SQL statements in this file ($1 … parameters or literals) instead of pg_stat_statements.",
        HelpName = "file",
    };

    private static readonly Option<long> MinCalls = new("--min-calls")
    {
        Description = "From pg_stat_statements: only statements called at least this often. Default: 1.",
        DefaultValueFactory = _ => 1,
    };

    private static readonly Option<double> MinMeanMs = new("--min-mean-ms")
    {
        Description = "From pg_stat_statements: only statements with at least this mean execution time (ms). Default: 0.",
    };

    private static readonly Option<int> Top = new("--top")
    {
        Description = "From pg_stat_statements: the N statements on user tables with the most total execution time. Default: 100.",
        HelpName = "n",
        DefaultValueFactory = _ => 100,
    };

    private static readonly Option<double> MinCostReduction = new("--min-cost-reduction")
    {
        Description = "Propose an index only if it cuts the planned cost of the statements it serves by at least this percentage. Default: 50.",
        HelpName = "percent",
        DefaultValueFactory = _ => 50,
    };

    private static readonly Option<string?> Model = Choice(
        "--model",
        "Write proposals against this EF Core model: cmms (the Cmms.Data model) or none (table and column names). Default: cmms when __EFMigrationsHistory holds Cmms.Data migrations.",
        "cmms",
        "none");

    private static readonly Option<string?> Format = Choice(
        "--format",
        "Output format: text, json or markdown. Default: text, or json with --json.",
        "text",
        "json",
        "markdown");

    public static Command Create(ToolConsole console)
        => ToolCommand.Create(
            "advise",
            "Propose the indexes the workload is missing (pg_stat_statements or --queries), each measured with HypoPG, checked "
            + "against the existing indexes by the Cmms.Data rules, and written as EF Core HasIndex code and CREATE INDEX CONCURRENTLY. Never writes.",
            console,
            RunAsync,
            CommonOptions.Connection,
            CommonOptions.Json,
            Queries,
            MinCalls,
            MinMeanMs,
            Top,
            MinCostReduction,
            Model,
            Format);

    private static async Task<int> RunAsync(ToolContext context, CancellationToken cancellationToken)
    {
        var reduction = context.Get(MinCostReduction);
        if (reduction is < 0 or > 100)
        {
            throw new ToolException($"--min-cost-reduction must be a percentage from 0 to 100, not {reduction}.", ExitCodes.Usage);
        }

        if (context.Get(Top) < 1 || context.Get(MinCalls) < 0 || context.Get(MinMeanMs) < 0)
        {
            throw new ToolException("--top must be at least 1, --min-calls and --min-mean-ms at least 0.", ExitCodes.Usage);
        }

        var statements = context.Get(Queries) is { } file ? SqlScript.Split(await ReadFileAsync(file, cancellationToken).ConfigureAwait(false)) : null;
        var connection = await context.GetConnectionAsync(cancellationToken).ConfigureAwait(false);
        var builder = new NpgsqlDataSourceBuilder(connection.ConnectionString);
        builder.ConnectionStringBuilder.ApplicationName ??= "cmms-db advise";
        await using var dataSource = builder.Build();

        // Building the EF Core model is the one CPU-heavy step; it runs while the server plans the statements.
        var model = Task.Run(() => ModelAsync(context.Get(Model), connection.ConnectionString, cancellationToken), cancellationToken);
        var request = new AdviceRequest
        {
            Statements = statements,
            MinCalls = context.Get(MinCalls),
            MinMeanMs = context.Get(MinMeanMs),
            Top = context.Get(Top),
            MinCostReduction = reduction / 100,
            Model = model,
        };
        var report = await IndexAdvisor.AdviseAsync(dataSource, request, cancellationToken).ConfigureAwait(false);

        var output = (context.Get(Format) ?? (context.Json ? "json" : "text")) switch
        {
            "json" => AdviceReportWriter.Json(report),
            "markdown" => AdviceReportWriter.Markdown(report),
            _ => AdviceReportWriter.Text(report),
        };
        await context.Console.Out.WriteAsync(output).ConfigureAwait(false);
        if (!report.AdvisedAnything)
        {
            await context.Console.Error.WriteLineAsync("cmms-db: no statement on a user table could be planned, so there is no advice: see the reasons above.").ConfigureAwait(false);
            return ExitCodes.Failure;
        }

        return ExitCodes.Success;
    }

    private static async Task<string> ReadFileAsync(FileInfo file, CancellationToken cancellationToken)
    {
        try
        {
            return await File.ReadAllTextAsync(file.FullName, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ToolException($"Cannot read --queries {file.FullName}: {e.Message}", ExitCodes.Usage);
        }
    }

    // The design-time model keeps the conventions' results and the table/column mapping the proposals are written against.
    private static async Task<IReadOnlyModel?> ModelAsync(string? choice, string connectionString, CancellationToken cancellationToken)
    {
        if (choice == "none")
        {
            return null;
        }

        var context = CmmsContextFactory.Create(connectionString);
        await using (context.ConfigureAwait(false))
        {
            if (choice is null)
            {
                await using var dataSource = AnalysisDataSource.Create(connectionString, "cmms-db advise");
                var reader = new CatalogReader(dataSource);
                var history = await reader.ReadHistoryAsync(cancellationToken).ConfigureAwait(false);
                if (!history.MigrationIds.Intersect(context.Database.GetMigrations(), StringComparer.Ordinal).Any())
                {
                    return null;
                }
            }

            return context.GetService<IDesignTimeModel>().Model;
        }
    }

    private static Option<string?> Choice(string name, string description, params string[] values)
    {
        var option = new Option<string?>(name) { Description = description, HelpName = string.Join("|", values) };
        option.AcceptOnlyFromAmong(values);
        return option;
    }
}
