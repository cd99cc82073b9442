using Cmms.Data.IntegrationTests.Infrastructure;
using System.Collections.Concurrent;
using System.Data.Common;
using Cmms.Data.Conventions.Migrations;
using Cmms.Data.Conventions.Migrations.Engine;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Cmms.Data.IntegrationTests.Engine;

/// <summary>A gauge on a site: the one entity of <see cref="GaugeContext" />.</summary>
public sealed class Gauge
{
    public long Id { get; set; }

    public int Zone { get; set; }

    public string Site { get; set; } = string.Empty;
}

/// <summary>
///     A small application's own DbContext, unrelated to the Cmms model (no Cmms conventions, EF's default names and
///     history columns), with its own migrations in <see cref="GaugeMigrations" />: proof that the engine serves any
///     context on Npgsql that calls <c>UseSafeMigrations()</c>.
/// </summary>
public sealed class GaugeContext(DbContextOptions<GaugeContext> options) : DbContext(options)
{
    public DbSet<Gauge> Gauges => Set<Gauge>();

    /// <summary>
    ///     A context on <paramref name="connectionString" />, recording the SQL it runs into <paramref name="log" /> and what
    ///     it logs at Information and above (EF Core's <c>LogTo</c>) into <paramref name="events" />, if given.
    /// </summary>
    public static GaugeContext Create(
        string connectionString,
        Action<SafeMigrationsOptionsBuilder>? configure = null,
        ConcurrentQueue<string>? log = null,
        ConcurrentQueue<string>? events = null)
    {
        var options = new DbContextOptionsBuilder<GaugeContext>()
            .UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly(typeof(GaugeContext).Assembly.GetName().Name))
            .UseSafeMigrations(configure)
            .AllowManyServiceProviders();
        if (log is not null)
        {
            options.AddInterceptors(new SqlRecorder(log));
        }

        if (events is not null)
        {
            options.LogTo(events.Enqueue, Microsoft.Extensions.Logging.LogLevel.Information);
        }

        return new GaugeContext(options.Options);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Gauge>(builder =>
        {
            builder.ToTable("gauges");
            builder.HasIndex(g => new { g.Zone, g.Site }, "ix_gauges_zone_site");
        });
    }

    /// <summary>Records the text of every command the context runs.</summary>
    private sealed class SqlRecorder(ConcurrentQueue<string> log) : DbCommandInterceptor
    {
        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
            DbCommand command,
            CommandEventData eventData,
            InterceptionResult<int> result,
            CancellationToken cancellationToken = default)
        {
            log.Enqueue(command.CommandText);
            return ValueTask.FromResult(result);
        }

        public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
        {
            log.Enqueue(command.CommandText);
            return result;
        }
    }
}

/// <summary>Receives the engine's progress synchronously, in order.</summary>
public sealed class ProgressLog : IProgress<MigrationProgress>
{
    public ConcurrentQueue<MigrationProgress> Reports { get; } = new();

    public void Report(MigrationProgress value) => Reports.Enqueue(value);
}
