using System.Globalization;
using Cmms.Data.Conventions.Diagnostics.Internal;
using Cmms.Data.Conventions.Migrations;
using Cmms.Data.Conventions.Migrations.Engine;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata.Conventions.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure.Internal;

namespace Cmms.Data.Conventions.Internal;

/// <summary>
///     The immutable options of the Cmms.Data conventions. Every <c>WithXxx</c> returns a changed clone, so options
///     captured by one context's service provider never change under it.
/// </summary>
internal sealed class CmmsConventionsOptionsExtension : IDbContextOptionsExtension
{
    private DbContextOptionsExtensionInfo? _info;

    public CmmsConventionsOptionsExtension()
    {
    }

    private CmmsConventionsOptionsExtension(CmmsConventionsOptionsExtension copyFrom)
    {
        UseIndexConventions = copyFrom.UseIndexConventions;
        RedundantIndexAction = copyFrom.RedundantIndexAction;
        UseSafeMigrations = copyFrom.UseSafeMigrations;
        LockTimeout = copyFrom.LockTimeout;
        LockWait = copyFrom.LockWait;
        Retries = copyFrom.Retries;
        ParallelIndexBuilds = copyFrom.ParallelIndexBuilds;
        Progress = copyFrom.Progress;
        TranslateFailure = copyFrom.TranslateFailure;
    }

    public bool UseIndexConventions { get; private init; }

    public RedundantIndexAction RedundantIndexAction { get; private init; } = RedundantIndexAction.Remove;

    public bool UseSafeMigrations { get; private init; }

    public TimeSpan LockTimeout { get; private init; } = SafeMigrationsDefaults.LockTimeout;

    public TimeSpan LockWait { get; private init; } = SafeMigrationsDefaults.LockWait;

    public int Retries { get; private init; } = SafeMigrationsDefaults.Retries;

    public int ParallelIndexBuilds { get; private init; } = SafeMigrationsDefaults.ParallelIndexBuilds;

    /// <summary>Read per context at run time, so it is left out of the service provider's identity.</summary>
    public IProgress<MigrationProgress>? Progress { get; private init; }

    /// <summary>Read per context at run time, so it is left out of the service provider's identity.</summary>
    public Func<SafeMigrationException, Exception>? TranslateFailure { get; private init; }

    public DbContextOptionsExtensionInfo Info => _info ??= new ExtensionInfo(this);

    public CmmsConventionsOptionsExtension WithIndexConventions() => new(this) { UseIndexConventions = true };

    public CmmsConventionsOptionsExtension WithSafeMigrations() => new(this) { UseSafeMigrations = true };

    public CmmsConventionsOptionsExtension WithLockTimeout(TimeSpan timeout) => new(this) { LockTimeout = timeout };

    public CmmsConventionsOptionsExtension WithLockWait(TimeSpan wait) => new(this) { LockWait = wait };

    public CmmsConventionsOptionsExtension WithRetries(int retries) => new(this) { Retries = retries };

    public CmmsConventionsOptionsExtension WithParallelIndexBuilds(int sessions) => new(this) { ParallelIndexBuilds = sessions };

    public CmmsConventionsOptionsExtension WithProgress(IProgress<MigrationProgress> progress) => new(this) { Progress = progress };

    public CmmsConventionsOptionsExtension WithFailureTranslation(Func<SafeMigrationException, Exception> translate)
        => new(this) { TranslateFailure = translate };

    public CmmsConventionsOptionsExtension WithRedundantIndexAction(RedundantIndexAction action)
        => new(this) { RedundantIndexAction = action };

    public void ApplyServices(IServiceCollection services)
    {
        new EntityFrameworkServicesBuilder(services).TryAdd<IConventionSetPlugin, CmmsConventionSetPlugin>();

        // One set of event definitions per service provider, as EF Core's LoggingDefinitions (see CmmsLoggingDefinitions).
        services.TryAddSingleton<CmmsLoggingDefinitions>();
    }

    /// <summary>Safe migrations are PostgreSQL's: on another provider the context fails when it is first used, in one line.</summary>
#pragma warning disable EF1001 // NpgsqlOptionsExtension is Npgsql's internal API; it is how the provider is recognised.
    public void Validate(IDbContextOptions options)
    {
        if (UseSafeMigrations && options.FindExtension<NpgsqlOptionsExtension>() is null)
        {
            var provider = options.Extensions.FirstOrDefault(e => e.Info.IsDatabaseProvider)?.GetType().Name ?? "no database provider";
            throw new InvalidOperationException(
                $"UseSafeMigrations() needs the Npgsql provider (UseNpgsql), but this context is configured with {provider}: "
                + "remove UseSafeMigrations() or use PostgreSQL.");
        }
    }
#pragma warning restore EF1001

    private sealed class ExtensionInfo(CmmsConventionsOptionsExtension extension) : DbContextOptionsExtensionInfo(extension)
    {
        private string? _logFragment;

        private new CmmsConventionsOptionsExtension Extension => (CmmsConventionsOptionsExtension)base.Extension;

        public override bool IsDatabaseProvider => false;

        public override string LogFragment => _logFragment ??= BuildLogFragment();

        // Only what changes the services or the model belongs here. The lock timeout, lock wait, retries and parallel index
        // builds are read per context by the scoped migration services (migrator, history repository, SQL generator), so
        // contexts that differ only in them share one internal service provider and one built model.
        public override int GetServiceProviderHashCode()
            => HashCode.Combine(
                Extension.UseIndexConventions,
                Extension.RedundantIndexAction,
                Extension.UseSafeMigrations);

        public override bool ShouldUseSameServiceProvider(DbContextOptionsExtensionInfo other)
            => other is ExtensionInfo otherInfo
                && Extension.UseIndexConventions == otherInfo.Extension.UseIndexConventions
                && Extension.RedundantIndexAction == otherInfo.Extension.RedundantIndexAction
                && Extension.UseSafeMigrations == otherInfo.Extension.UseSafeMigrations;

        public override void PopulateDebugInfo(IDictionary<string, string> debugInfo)
        {
            debugInfo["Cmms:IndexConventions"] = Extension.UseIndexConventions.ToString(CultureInfo.InvariantCulture);
            debugInfo["Cmms:RedundantIndexes"] = Extension.RedundantIndexAction.ToString();
            debugInfo["Cmms:SafeMigrations"] = Extension.UseSafeMigrations.ToString(CultureInfo.InvariantCulture);
            debugInfo["Cmms:LockTimeout"] = Extension.LockTimeout.ToString("c", CultureInfo.InvariantCulture);
            debugInfo["Cmms:LockWait"] = Extension.LockWait.ToString("c", CultureInfo.InvariantCulture);
            debugInfo["Cmms:Retries"] = Extension.Retries.ToString(CultureInfo.InvariantCulture);
            debugInfo["Cmms:ParallelIndexBuilds"] = Extension.ParallelIndexBuilds.ToString(CultureInfo.InvariantCulture);
        }

        private string BuildLogFragment()
        {
            var fragment = string.Empty;
            if (Extension.UseIndexConventions)
            {
                fragment += $"using index conventions (redundant indexes: {Extension.RedundantIndexAction}) ";
            }

            if (Extension.UseSafeMigrations)
            {
                fragment += $"using safe migrations (lock_timeout {Extension.LockTimeout.TotalMilliseconds:0}ms, {Extension.Retries} retries, lock wait {Extension.LockWait.TotalSeconds:0}s, {Extension.ParallelIndexBuilds} index build session(s)) ";
            }

            return fragment;
        }
    }
}
