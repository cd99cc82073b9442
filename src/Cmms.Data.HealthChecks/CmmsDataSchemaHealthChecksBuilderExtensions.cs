using Cmms.Data.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

// ReSharper disable once CheckNamespace
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Cmms.Data schema health check.</summary>
public static class CmmsDataSchemaHealthChecksBuilderExtensions
{
    /// <summary>The registration's name unless another is given.</summary>
    public const string DefaultName = "cmms_data_schema";

    /// <summary>
    ///     Adds a check of the database against <typeparamref name="TContext" />'s model: pending migrations, invalid
    ///     indexes, foreign keys without an index, and indexes the model declares but the database lacks or holds with
    ///     another shape, or holds and the model does not declare (by default; see
    ///     <see cref="CmmsDataSchemaHealthCheckOptions.FindingStatuses" />). The result's data holds
    ///     <c>pending_migrations</c> (the migration ids) and <c>findings</c> (each
    ///     <see cref="Cmms.Data.Analysis.Findings.Finding" /> with the SQL that fixes it).
    /// </summary>
    /// <remarks>
    ///     Each run reads the catalog once, in a read-only transaction. The context is resolved from a scope of the
    ///     application's services, so its registration (pooled or not) decides how it is configured; it opens no
    ///     connection. See docs/analyze.md for what each finding means.
    /// </remarks>
    /// <typeparam name="TContext">The application's context, registered in the services.</typeparam>
    /// <param name="builder">The health checks builder.</param>
    /// <param name="configure">Changes the options: the data source, the schemas, each finding's weight, the timeout.</param>
    /// <param name="name">The registration's name.</param>
    /// <param name="failureStatus">The status when the database cannot be read or the check times out; unhealthy by default.</param>
    /// <param name="tags">Tags to filter checks by (a readiness probe's, for example).</param>
    /// <returns>The same builder.</returns>
    public static IHealthChecksBuilder AddCmmsDataSchema<TContext>(
        this IHealthChecksBuilder builder,
        Action<CmmsDataSchemaHealthCheckOptions>? configure = null,
        string name = DefaultName,
        HealthStatus? failureStatus = null,
        IEnumerable<string>? tags = null)
        where TContext : DbContext
        => Add(builder, typeof(TContext), configure, name, failureStatus, tags);

    /// <summary>
    ///     Adds a check of the database without a model: invalid indexes and foreign keys without an index (by default;
    ///     see <see cref="CmmsDataSchemaHealthCheckOptions.FindingStatuses" />). Without a context there are no pending
    ///     migrations or model drift to report: use <see cref="AddCmmsDataSchema{TContext}" /> for those.
    /// </summary>
    /// <param name="builder">The health checks builder.</param>
    /// <param name="configure">Changes the options: the data source, the schemas, each finding's weight, the timeout.</param>
    /// <param name="name">The registration's name.</param>
    /// <param name="failureStatus">The status when the database cannot be read or the check times out; unhealthy by default.</param>
    /// <param name="tags">Tags to filter checks by.</param>
    /// <returns>The same builder.</returns>
    public static IHealthChecksBuilder AddCmmsDataSchema(
        this IHealthChecksBuilder builder,
        Action<CmmsDataSchemaHealthCheckOptions>? configure = null,
        string name = DefaultName,
        HealthStatus? failureStatus = null,
        IEnumerable<string>? tags = null)
        => Add(builder, null, configure, name, failureStatus, tags);

    private static IHealthChecksBuilder Add(
        IHealthChecksBuilder builder,
        Type? contextType,
        Action<CmmsDataSchemaHealthCheckOptions>? configure,
        string name,
        HealthStatus? failureStatus,
        IEnumerable<string>? tags)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);

        var options = new CmmsDataSchemaHealthCheckOptions();
        configure?.Invoke(options);
        if (options.Timeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(configure), options.Timeout, "The schema health check's Timeout must be positive.");
        }

        return builder.Add(new HealthCheckRegistration(
            name,
            services => new CmmsDataSchemaHealthCheck(services, options, contextType),
            failureStatus,
            tags));
    }
}
