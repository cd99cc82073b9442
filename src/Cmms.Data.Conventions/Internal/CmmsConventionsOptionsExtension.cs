using System.Globalization;
using Cmms.Data.Conventions.Diagnostics.Internal;
using Cmms.Data.Conventions.Migrations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata.Conventions.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

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
    }

    public bool UseIndexConventions { get; private init; }

    public RedundantIndexAction RedundantIndexAction { get; private init; } = RedundantIndexAction.Remove;

    public bool UseSafeMigrations { get; private init; }

    public TimeSpan LockTimeout { get; private init; } = SafeMigrationsDefaults.LockTimeout;

    public DbContextOptionsExtensionInfo Info => _info ??= new ExtensionInfo(this);

    public CmmsConventionsOptionsExtension WithIndexConventions() => new(this) { UseIndexConventions = true };

    public CmmsConventionsOptionsExtension WithSafeMigrations() => new(this) { UseSafeMigrations = true };

    public CmmsConventionsOptionsExtension WithLockTimeout(TimeSpan timeout) => new(this) { LockTimeout = timeout };

    public CmmsConventionsOptionsExtension WithRedundantIndexAction(RedundantIndexAction action)
        => new(this) { RedundantIndexAction = action };

    public void ApplyServices(IServiceCollection services)
    {
        new EntityFrameworkServicesBuilder(services).TryAdd<IConventionSetPlugin, CmmsConventionSetPlugin>();

        // One set of event definitions per service provider, as EF Core's LoggingDefinitions (see CmmsLoggingDefinitions).
        services.TryAddSingleton<CmmsLoggingDefinitions>();
    }

    public void Validate(IDbContextOptions options)
    {
    }

    private sealed class ExtensionInfo(CmmsConventionsOptionsExtension extension) : DbContextOptionsExtensionInfo(extension)
    {
        private string? _logFragment;

        private new CmmsConventionsOptionsExtension Extension => (CmmsConventionsOptionsExtension)base.Extension;

        public override bool IsDatabaseProvider => false;

        public override string LogFragment => _logFragment ??= BuildLogFragment();

        public override int GetServiceProviderHashCode()
            => HashCode.Combine(
                Extension.UseIndexConventions,
                Extension.RedundantIndexAction,
                Extension.UseSafeMigrations,
                Extension.LockTimeout);

        public override bool ShouldUseSameServiceProvider(DbContextOptionsExtensionInfo other)
            => other is ExtensionInfo otherInfo
                && Extension.UseIndexConventions == otherInfo.Extension.UseIndexConventions
                && Extension.RedundantIndexAction == otherInfo.Extension.RedundantIndexAction
                && Extension.UseSafeMigrations == otherInfo.Extension.UseSafeMigrations
                && Extension.LockTimeout == otherInfo.Extension.LockTimeout;

        public override void PopulateDebugInfo(IDictionary<string, string> debugInfo)
        {
            debugInfo["Cmms:IndexConventions"] = Extension.UseIndexConventions.ToString(CultureInfo.InvariantCulture);
            debugInfo["Cmms:RedundantIndexes"] = Extension.RedundantIndexAction.ToString();
            debugInfo["Cmms:SafeMigrations"] = Extension.UseSafeMigrations.ToString(CultureInfo.InvariantCulture);
            debugInfo["Cmms:LockTimeout"] = Extension.LockTimeout.ToString("c", CultureInfo.InvariantCulture);
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
                fragment += $"using safe migrations (lock_timeout {Extension.LockTimeout.TotalMilliseconds:0}ms) ";
            }

            return fragment;
        }
    }
}
