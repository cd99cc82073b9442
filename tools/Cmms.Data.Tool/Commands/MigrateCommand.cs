using System.CommandLine;
using Cmms.Data.CommandLine;
using System.Text.Json;
using Cmms.Data.Tool.CommandLine;
using Cmms.Data.Tool.Migrations;

namespace Cmms.Data.Tool.Commands;

/// <summary>
///     <c>cmms-db migrate [--to MIGRATION] [--lock-timeout 5s] [--retries 3] [--lock-wait 10m] [--parallel-index-builds 1]</c>: applies pending
///     migrations (or reverts down to a target), then prints what it did and the schema's counts (with <c>--pruned</c>,
///     the indexes the conventions pruned).
/// </summary>
internal static class MigrateCommand
{
    private static readonly Option<string?> To = new("--to")
    {
        Description = "The migration to end at: its name (InitialSchema) or id; 0 reverts everything (empty schema). Default: the newest.",
        HelpName = "migration",
    };

    private static readonly Option<TimeSpan> LockTimeout = CreateLockTimeoutOption();

    // Pauses grow to 30 s each (LockTimeoutRetry): 100 retries wait close to an hour, so a larger count is a typing mistake.
    private static readonly Option<int> Retries = NumberOption.Integer(
        "--retries",
        "How many times a migration is retried after its lock timeout was hit, with growing pauses (1s, 2s, 4s, …).",
        MigrateRequest.Default.Retries,
        minimum: 0,
        maximum: 100);

    private static readonly Option<TimeSpan> LockWait = DurationOption.Create(
        "--lock-wait",
        "How long to wait while another migrator holds the migration lock on the database.",
        MigrateRequest.Default.LockWait);

    // Each session is a backend of its own on the server; more than a few only queue on its cores and disks.
    private static readonly Option<int> ParallelIndexBuilds = NumberOption.Integer(
        "--parallel-index-builds",
        "How many sessions build a migration's concurrent indexes at once, on different tables (one table's builds stay one after another).",
        MigrateRequest.Default.ParallelIndexBuilds,
        minimum: 1,
        maximum: 16);

    /// <summary><c>--lock-timeout</c>, the <c>lock_timeout</c> every migration sets first (also written into scripts).</summary>
    public static Option<TimeSpan> CreateLockTimeoutOption() => DurationOption.Create(
        "--lock-timeout",
        "How long each migration statement waits for a table lock before giving up (PostgreSQL lock_timeout); 0 waits forever.",
        MigrateRequest.Default.LockTimeout);

    public static Command Create(ToolConsole console)
        => ToolCommand.Create(
            "migrate",
            "Apply pending migrations, or revert down to --to; one migrator at a time per database. Prints what was done and the schema's table and index counts.",
            console,
            RunAsync,
            CommonOptions.Connection,
            CommonOptions.Json,
            CommonOptions.Pruned,
            To,
            LockTimeout,
            Retries,
            LockWait,
            ParallelIndexBuilds);

    private static async Task<int> RunAsync(ToolContext context, CancellationToken cancellationToken)
    {
        var request = new MigrateRequest(context.Get(To), context.Get(LockTimeout), context.Get(Retries), context.Get(LockWait), context.Get(ParallelIndexBuilds));
        var connection = await context.GetConnectionAsync(cancellationToken).ConfigureAwait(false);
        using var progress = new ProgressWriter(context.Console);
        var outcome = await new MigrationRunner(connection, progress)
            .RunAsync(request, context.Get(CommonOptions.Pruned), cancellationToken)
            .ConfigureAwait(false);

        var output = context.Console.Out;
        if (context.Json)
        {
            await output.WriteLineAsync(JsonSerializer.Serialize(
                new
                {
                    database = outcome.Database,
                    upToDate = outcome.Steps.Count == 0,
                    applied = outcome.Steps.Where(s => !s.IsRevert).Select(s => s.Id),
                    reverted = outcome.Steps.Where(s => s.IsRevert).Select(s => s.Id),
                    current = outcome.Current,
                    indexes = new IndexSummaryJson(outcome.Indexes, outcome.Pruned),
                },
                CliJson.Options)).ConfigureAwait(false);
            return ExitCodes.Success;
        }

        await output.WriteLineAsync(Describe(outcome)).ConfigureAwait(false);
        await SchemaSummaryView.WriteAsync(context.Console, outcome.Indexes, outcome.Pruned).ConfigureAwait(false);

        return ExitCodes.Success;
    }

    private static string Describe(MigrationOutcome outcome)
    {
        if (outcome.Steps.Count == 0)
        {
            return $"Database '{outcome.Database}' is already up to date at {outcome.Current}.";
        }

        var applied = outcome.Steps.Where(s => !s.IsRevert).Select(s => s.Id).ToList();
        var reverted = outcome.Steps.Where(s => s.IsRevert).Select(s => s.Id).ToList();
        var done = new List<string>();
        if (reverted.Count > 0)
        {
            done.Add($"reverted {string.Join(", ", reverted)}");
        }

        if (applied.Count > 0)
        {
            done.Add($"applied {string.Join(", ", applied)}");
        }

        return $"Database '{outcome.Database}': {string.Join("; ", done)}; now at {outcome.Current}.";
    }
}
