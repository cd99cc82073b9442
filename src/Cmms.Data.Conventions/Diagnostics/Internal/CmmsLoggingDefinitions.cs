using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Cmms.Data.Conventions.Diagnostics.Internal;

/// <summary>
///     The event definitions of the Cmms.Data packages, one set per EF Core service provider, each created on first use
///     with that provider's <see cref="ILoggingOptions" /> so that <c>ConfigureWarnings</c> (throw, ignore, log at another
///     level) applies to it.
/// </summary>
/// <remarks>
///     EF Core keeps its own definitions in <see cref="LoggingDefinitions" />, which belongs to the database provider
///     (<c>IDiagnosticsLogger.Definitions</c>); an options extension that is not a provider registers its own as a
///     singleton, and the services that log take it as a dependency. Add one field per event.
/// </remarks>
internal sealed class CmmsLoggingDefinitions
{
#pragma warning disable CA1051 // Fields, not properties: they are initialized in place (ref) as EF Core's LoggingDefinitions are.
    public EventDefinitionBase? LogRedundantIndexRemoved;

    public EventDefinitionBase? LogRedundantIndexKept;

    public EventDefinitionBase? LogRedundantIndexAllowed;

    public EventDefinitionBase? LogForeignKeyIndexCreated;

    public EventDefinitionBase? LogForeignKeyIndexCovered;

    public EventDefinitionBase? LogConventionIndexRemoved;

    public EventDefinitionBase? LogMigrationLintError;

    public EventDefinitionBase? LogMigrationLintWarning;

    public EventDefinitionBase? LogMigrationLintAcknowledged;

    public EventDefinitionBase? LogUnsupportedIndexFeature;
#pragma warning restore CA1051

    /// <summary>Returns the definition held in <paramref name="definition" />, creating it the first time.</summary>
    public static TDefinition GetOrCreate<TDefinition>(
        ref EventDefinitionBase? definition,
        IDiagnosticsLogger logger,
        Func<ILoggingOptions, TDefinition> create)
        where TDefinition : EventDefinitionBase
    {
        var options = logger.Options;
        return (TDefinition)LazyInitializer.EnsureInitialized(ref definition, () => create(options));
    }
}
