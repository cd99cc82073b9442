using System.CommandLine;
using System.Globalization;
using Cmms.Data.Bench.Data;
using Cmms.Data.Bench.Plans;
using Cmms.Data.Bench.Schemas;

namespace Cmms.Data.Bench.CommandLine;

/// <summary>
///     <c>cmms-bench verify-plans</c>: in a fresh database next to the given one, migrates, loads the generated data,
///     and checks that every catalog query's plan reads the index the catalog names (or its survivor after pruning).
///     Exits 1 when one does not, so CI can gate on it.
/// </summary>
internal static class VerifyPlansCommand
{
    private static readonly Option<double> Scale = AtLeastMinimum(WorkloadOptions.Scale(1.0));
    private static readonly Option<int> Seed = WorkloadOptions.Seed();

    public static Command Create(BenchConsole console) => BenchCommandBuilder.Create(
        "verify-plans",
        "Migrate a fresh database (cmms_verify_*, created next to the given one and dropped afterwards), load generated data, "
        + "and check with EXPLAIN (ANALYZE, BUFFERS) that each catalog query Q1-Q25 uses its index. Exit code 1 if one does not.",
        console,
        RunAsync,
        Scale,
        Seed);

    // Below the minimum the verdicts say more about table sizes than about indexes; refuse rather than fail the gate.
    private static Option<double> AtLeastMinimum(Option<double> scale)
    {
        scale.Validators.Add(result =>
        {
            // Validators run even when the parser rejected the value (and said why); reading it then throws.
            double value;
            try
            {
                value = result.GetValueOrDefault<double>();
            }
            catch (InvalidOperationException)
            {
                return;
            }

            if (value > 0 && value < PlanVerifier.MinimumScale)
            {
                result.AddError(string.Create(
                    CultureInfo.InvariantCulture,
                    $"--scale {value} is below {PlanVerifier.MinimumScale}, the smallest scale at which the planner is expected to use the catalog's indexes: on smaller tables it rightly prefers a sequential scan of a few pages. Use --scale {PlanVerifier.MinimumScale} or more"));
            }
        });
        scale.Description += string.Create(CultureInfo.InvariantCulture, $" At least {PlanVerifier.MinimumScale}.");
        return scale;
    }

    private static async Task<int> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var server = context.ServerConnectionString();
        var plan = VolumePlan.For(context.Get(Scale));
        var error = context.Console.Error;

        await using var database = await ScratchDatabase.CreateAsync(server, "cmms_verify", cancellationToken).ConfigureAwait(false);
        await error.WriteLineAsync($"cmms-bench: verifying in scratch database {database.Name} ({plan})").ConfigureAwait(false);
        var migration = await MigrationApplier.MigrateAsync(database.ConnectionString, cancellationToken).ConfigureAwait(false);
        await error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"cmms-bench: migrated in {migration.TotalSeconds:F1} s")).ConfigureAwait(false);

        await using var session = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var load = await DataLoader.LoadAsync(session, plan, context.Get(Seed), context.Verbose ? error : null, cancellationToken).ConfigureAwait(false);
        await error.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"cmms-bench: loaded {load.Rows:N0} rows in {load.Copy.TotalSeconds:F1} s ({load.RowsPerSecond:N0} rows/s), then refresh {load.Refresh.TotalSeconds:F1} s and VACUUM ANALYZE {load.VacuumAnalyze.TotalSeconds:F1} s")).ConfigureAwait(false);

        var checks = await PlanVerifier.VerifyAsync(session, cancellationToken).ConfigureAwait(false);
        await context.Console.Out.WriteLineAsync(context.Json
            ? PlanReportWriter.Json(checks, plan.Scale, context.Get(Seed), load)
            : PlanReportWriter.Table(checks)).ConfigureAwait(false);
        return checks.All(c => c.Passed) ? BenchApp.Success : BenchApp.Failure;
    }
}
