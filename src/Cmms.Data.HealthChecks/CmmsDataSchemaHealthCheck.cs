using System.Globalization;
using Cmms.Data.Analysis;
using Cmms.Data.Analysis.Sql;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Cmms.Data.HealthChecks;

/// <summary>
///     Analyzes the database read-only with <see cref="DatabaseAnalyzer" /> (one catalog snapshot per check) and judges
///     the report with <see cref="SchemaHealth" />. A database it cannot read, or a check past its timeout, gives the
///     registration's failure status with one line saying why, its unprintable characters escaped (a connection's
///     password never appears in it: Npgsql's messages do not carry it).
/// </summary>
internal sealed class CmmsDataSchemaHealthCheck(IServiceProvider services, CmmsDataSchemaHealthCheckOptions options, Type? contextType)
    : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Timeout);
        await using var scope = services.CreateAsyncScope();
        try
        {
            var dataSource = options.DataSource?.Invoke(scope.ServiceProvider)
                ?? scope.ServiceProvider.GetService<NpgsqlDataSource>()
                ?? throw new InvalidOperationException(
                    "No NpgsqlDataSource is registered: register one (AddCmmsData, AddNpgsqlDataSource) or set CmmsDataSchemaHealthCheckOptions.DataSource.");
            var analysis = new AnalysisOptions
            {
                Schemas = [.. options.Schemas],
                // The context comes from the application's own registration, so the model is the one it runs with.
                ModelContext = contextType is null ? null : () => (DbContext)scope.ServiceProvider.GetRequiredService(contextType),
                ModelName = contextType?.Name ?? "model",
                // A database no migration has touched is the unhealthiest of all: compare the model whatever the history holds.
                ModelCheck = ModelCheck.Always,
            };
            var report = await new DatabaseAnalyzer(dataSource).AnalyzeAsync(analysis, timeout.Token).ConfigureAwait(false);
            return SchemaHealth.Judge(report, options);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return new HealthCheckResult(
                context.Registration.FailureStatus,
                string.Create(CultureInfo.InvariantCulture, $"The schema check did not finish within {options.Timeout.TotalSeconds:0.#} s: the server is slow or a lock held it up."));
        }
        catch (Exception exception) when (exception is NpgsqlException or AnalysisException or InvalidOperationException)
        {
            return new HealthCheckResult(
                context.Registration.FailureStatus,
                $"The schema check could not read the database: {OneLine(exception.Message)}",
                exception);
        }
    }

    // A server message quotes the names it is about, which may hold terminal escapes or bidirectional overrides: the
    // message's own line breaks become spaces, and anything else unprintable an inert \uXXXX escape.
    private static string OneLine(string message) => UnprintableText.Escape(message.ReplaceLineEndings(" "));
}
