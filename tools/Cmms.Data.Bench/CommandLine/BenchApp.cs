using System.CommandLine;
using Npgsql;

namespace Cmms.Data.Bench.CommandLine;

/// <summary>The cmms-bench command line: bench, verify-plans and analyze-speed; every failure becomes one line and an exit code.</summary>
internal static class BenchApp
{
    public const int Success = 0;

    /// <summary>A check failed (verify-plans) or the run failed.</summary>
    public const int Failure = 1;

    /// <summary>The command line or its values were wrong.</summary>
    public const int Usage = 2;

    public static async Task<int> RunAsync(string[] args, BenchConsole console, CancellationToken cancellationToken = default)
    {
        var root = new RootCommand("cmms-bench: benchmark Cmms.Data against plain EF Core on a PostgreSQL server, verify the catalog's query plans, time cmms-db analyze on a large generated catalog, and prepare (or benchmark) the advise demo.");
        root.Options.Add(BenchContext.Connection);
        root.Options.Add(BenchContext.JsonOption);
        root.Options.Add(BenchContext.VerboseOption);
        root.Subcommands.Add(BenchCommand.Create(console));
        root.Subcommands.Add(VerifyPlansCommand.Create(console));
        root.Subcommands.Add(AnalyzeSpeedCommand.Create(console));
        root.Subcommands.Add(AdviseDemoCommand.Create(console));

        var parseResult = root.Parse(args);
        if (parseResult.Errors.Count > 0)
        {
            var errors = string.Join(" ", parseResult.Errors.Select(e => e.Message.TrimEnd('.') + "."));
            await console.Error.WriteLineAsync($"cmms-bench: {errors} Run 'cmms-bench --help' for usage.").ConfigureAwait(false);
            return Usage;
        }

        try
        {
            return await parseResult.InvokeAsync(
                new InvocationConfiguration { Output = console.Out, Error = console.Error, EnableDefaultExceptionHandler = false },
                cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is BenchException or NpgsqlException or OperationCanceledException or InvalidOperationException or LocalPostgres.LocalPostgresException)
        {
            // Npgsql's messages name the server and the failure, never the password; the benchmark's own failures
            // (a tool that failed, data that does not match) are InvalidOperationException with a message that says which.
            await console.Error.WriteLineAsync($"cmms-bench: {ex.Message.Split('\n', 2)[0]}").ConfigureAwait(false);
            if (parseResult.GetValue(BenchContext.VerboseOption))
            {
                await console.Error.WriteLineAsync(ex.ToString()).ConfigureAwait(false);
            }

            return ex is BenchException ? Usage : Failure;
        }
    }
}
