using Cmms.Data.Analysis.Findings;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Cmms.Data.HealthChecks;

/// <summary>What the Cmms.Data schema health check reads, which findings it reports, and how each one weighs.</summary>
public sealed class CmmsDataSchemaHealthCheckOptions
{
    /// <summary>
    ///     The database to check. <see langword="null" /> (the default) resolves the <see cref="NpgsqlDataSource" />
    ///     registered in the services (as <c>AddCmmsData</c> and Npgsql's <c>AddNpgsqlDataSource</c> register it). The
    ///     check never disposes it.
    /// </summary>
    public Func<IServiceProvider, NpgsqlDataSource>? DataSource { get; set; }

    /// <summary>The schemas to analyze; empty (the default) for every user schema.</summary>
    public IList<string> Schemas { get; } = [];

    /// <summary>
    ///     The finding kinds the check reports and the status each one gives; kinds not listed are not reported. By
    ///     default an invalid index and an index of the model the database lacks (or holds with another shape) make the
    ///     check <see cref="HealthStatus.Unhealthy" />, a foreign key without an index and an index the model does not
    ///     declare make it <see cref="HealthStatus.Degraded" />. Add others (<see cref="FindingKind.SequenceNearMax" />)
    ///     or change their weight here.
    /// </summary>
    public IDictionary<FindingKind, HealthStatus> FindingStatuses { get; } = new Dictionary<FindingKind, HealthStatus>
    {
        [FindingKind.InvalidIndex] = HealthStatus.Unhealthy,
        [FindingKind.MissingIndex] = HealthStatus.Unhealthy,
        [FindingKind.FkWithoutIndex] = HealthStatus.Degraded,
        [FindingKind.UnexpectedIndex] = HealthStatus.Degraded,
    };

    /// <summary>
    ///     The status when the model has migrations the database's <c>__EFMigrationsHistory</c> lacks (only with a
    ///     context type); <see cref="HealthStatus.Unhealthy" /> by default.
    /// </summary>
    public HealthStatus PendingMigrationStatus { get; set; } = HealthStatus.Unhealthy;

    /// <summary>
    ///     How long one check may take before it reports the registration's failure status; 30 seconds by default. The
    ///     catalog reads are cancelled on the server when it passes.
    /// </summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
