using Cmms.Data.Conventions.Rules;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Cmms.Data.Conventions.Diagnostics.Internal;

/// <summary>
///     The events of the index conventions, written through EF Core's diagnostics (see <see cref="CmmsEventId" />), in
///     the <see cref="DbLoggerCategory.Model" /> category EF Core's own model-building events use.
/// </summary>
internal sealed class IndexConventionsLogger(IDiagnosticsLogger<DbLoggerCategory.Model> logger, CmmsLoggingDefinitions definitions)
{
    public void RedundantIndexRemoved(RedundantIndex redundant)
    {
        // A declared index being dropped is a modelling smell the user should see; a convention's own index is not.
        if (redundant.Index.IsDeclared)
        {
            WriteRedundant(
                CmmsLoggingDefinitions.GetOrCreate(ref definitions.LogRedundantIndexRemoved, logger, static options => DefineRedundant(
                    options,
                    CmmsEventId.RedundantIndexRemoved,
                    LogLevel.Warning,
                    "The index '{index}' on table '{table}' ({columns}) was removed: it is {reason} '{coveredBy}'. "
                    + "Delete its declaration, or mark it AllowRedundant() to keep it.")),
                redundant.Index,
                redundant.Reason,
                redundant.CoveredBy);
        }
        else
        {
            WriteRedundant(
                CmmsLoggingDefinitions.GetOrCreate(ref definitions.LogConventionIndexRemoved, logger, static options => DefineRedundant(
                    options,
                    CmmsEventId.ConventionIndexRemoved,
                    LogLevel.Debug,
                    "The index '{index}' on table '{table}' ({columns}), added by a convention, was removed: it is {reason} '{coveredBy}'.")),
                redundant.Index,
                redundant.Reason,
                redundant.CoveredBy);
        }
    }

    public void RedundantIndexKept(RedundantIndex redundant)
        => WriteRedundant(
            CmmsLoggingDefinitions.GetOrCreate(ref definitions.LogRedundantIndexKept, logger, static options => DefineRedundant(
                options,
                CmmsEventId.RedundantIndexKept,
                LogLevel.Warning,
                "The index '{index}' on table '{table}' ({columns}) is redundant: it is {reason} '{coveredBy}'. "
                + "It is kept because redundant indexes are set to Warn.")),
            redundant.Index,
            redundant.Reason,
            redundant.CoveredBy);

    public void RedundantIndexAllowed(IndexDefinition index, IndexDefinition cover, PrunedIndexReason reason)
        => WriteRedundant(
            CmmsLoggingDefinitions.GetOrCreate(ref definitions.LogRedundantIndexAllowed, logger, static options => DefineRedundant(
                options,
                CmmsEventId.RedundantIndexAllowed,
                LogLevel.Debug,
                "The index '{index}' on table '{table}' ({columns}) is {reason} '{coveredBy}' but kept: it is marked AllowRedundant().")),
            index,
            reason,
            cover);

    public void ForeignKeyIndexCreated(string index, string table, string foreignKey, IReadOnlyList<string> columns)
        => WriteForeignKey(
            CmmsLoggingDefinitions.GetOrCreate(ref definitions.LogForeignKeyIndexCreated, logger, static options => DefineForeignKey(
                options,
                CmmsEventId.ForeignKeyIndexCreated,
                "Created the index '{index}' on table '{table}' ({columns}) for the foreign key '{foreignKey}': "
                + "no key or non-partial btree index leads with its columns.")),
            foreignKey,
            table,
            columns,
            index);

    public void ForeignKeyIndexCovered(string foreignKey, string table, IReadOnlyList<string> columns, string coveredBy)
        => WriteForeignKey(
            CmmsLoggingDefinitions.GetOrCreate(ref definitions.LogForeignKeyIndexCovered, logger, static options => DefineForeignKey(
                options,
                CmmsEventId.ForeignKeyIndexCovered,
                "The index '{index}' on table '{table}' leads with the columns ({columns}) of the foreign key '{foreignKey}': "
                + "no index was created for the foreign key.")),
            foreignKey,
            table,
            columns,
            coveredBy);

    public void UnsupportedIndexFeature(string index, string table, UnsupportedIndexFeature feature, string declared, string provider)
    {
        var definition = CmmsLoggingDefinitions.GetOrCreate(ref definitions.LogUnsupportedIndexFeature, logger, static options => DefineRedundant(
            options,
            CmmsEventId.UnsupportedIndexFeature,
            LogLevel.Warning,
            "The index '{index}' on table '{table}' declares {declared}, which {provider} does not build: {instead}. "
            + "Declare it only when the provider is PostgreSQL."));
        logger.Write(
            definition,
            l => definition.Log(l, index, table, declared, provider, Describe(feature)),
            () => new UnsupportedIndexFeatureEventData(definition, GenerateUnsupportedFeatureMessage, index, table, feature, declared, provider));
    }

    public static string Describe(UnsupportedIndexFeature feature) => feature switch
    {
        Diagnostics.UnsupportedIndexFeature.IncludeColumns => "the index is built on its key columns alone, and the index rules judge it so",
        Diagnostics.UnsupportedIndexFeature.Method => "a plain b-tree index is built, and the index rules judge it so",
        Diagnostics.UnsupportedIndexFeature.OperatorClasses => "the keys are compared with their columns' collations, and the index rules judge it so",
        Diagnostics.UnsupportedIndexFeature.NullsNotDistinct => "the unique index treats nulls as distinct, so rows with nulls in these columns may repeat",
        Diagnostics.UnsupportedIndexFeature.NullSortOrder => "nulls sort first in ascending and last in descending columns",
        Diagnostics.UnsupportedIndexFeature.Collation => "the index is built with the columns' own collations; set the collation on the column instead",
        _ => "a plain index on the columns is built, and the index rules judge it so",
    };

    public static string Describe(PrunedIndexReason reason) => reason switch
    {
        PrunedIndexReason.DuplicateOfKey => "a duplicate of the key",
        PrunedIndexReason.PrefixOfKey => "a leading prefix of the key",
        PrunedIndexReason.DuplicateOfIndex => "a duplicate of the index",
        PrunedIndexReason.PrefixOfIndex => "a leading prefix of the index",
        _ => "covered by",
    };

    private void WriteRedundant(
        EventDefinition<string, string, string, string, string> definition,
        IndexDefinition index,
        PrunedIndexReason reason,
        IndexDefinition cover)
    {
        var columns = index.KeyColumns.Select(c => c.Name).ToList();
        logger.Write(
            definition,
            l => definition.Log(l, index.Name, index.Table, string.Join(", ", columns), Describe(reason), cover.Name),
            () => new RedundantIndexEventData(definition, GenerateRedundantMessage, index.Name, index.Table, columns, reason, cover.Name));
    }

    private void WriteForeignKey(
        EventDefinition<string, string, string, string> definition,
        string foreignKey,
        string table,
        IReadOnlyList<string> columns,
        string index)
        => logger.Write(
            definition,
            l => definition.Log(l, index, table, string.Join(", ", columns), foreignKey),
            () => new ForeignKeyIndexEventData(definition, GenerateForeignKeyMessage, foreignKey, table, columns, index));

    // Every redundant-index message takes (index, table, columns, reason, coveredBy), every foreign-key message
    // (index, table, columns, foreignKey), the unsupported-feature message (index, table, declared, provider, instead):
    // LoggerMessage fills the placeholders by position.
    private static EventDefinition<string, string, string, string, string> DefineRedundant(
        ILoggingOptions options,
        EventId eventId,
        LogLevel level,
        string format)
        => new(options, eventId, level, EventIdCode(eventId), l => LoggerMessage.Define<string, string, string, string, string>(l, eventId, format));

    private static EventDefinition<string, string, string, string> DefineForeignKey(ILoggingOptions options, EventId eventId, string format)
        => new(options, eventId, LogLevel.Debug, EventIdCode(eventId), l => LoggerMessage.Define<string, string, string, string>(l, eventId, format));

    // What the user passes to ConfigureWarnings, named in EF Core's "An error was generated for warning ..." message.
    private static string EventIdCode(EventId eventId) => nameof(CmmsEventId) + "." + eventId.Name![(eventId.Name!.LastIndexOf('.') + 1)..];

    private static string GenerateRedundantMessage(EventDefinitionBase definition, EventData payload)
    {
        var data = (RedundantIndexEventData)payload;
        return ((EventDefinition<string, string, string, string, string>)definition).GenerateMessage(
            data.IndexName, data.Table, string.Join(", ", data.Columns), Describe(data.Reason), data.CoveredBy);
    }

    private static string GenerateUnsupportedFeatureMessage(EventDefinitionBase definition, EventData payload)
    {
        var data = (UnsupportedIndexFeatureEventData)payload;
        return ((EventDefinition<string, string, string, string, string>)definition).GenerateMessage(
            data.IndexName, data.Table, data.Declared, data.Provider, Describe(data.Feature));
    }

    private static string GenerateForeignKeyMessage(EventDefinitionBase definition, EventData payload)
    {
        var data = (ForeignKeyIndexEventData)payload;
        return ((EventDefinition<string, string, string, string>)definition).GenerateMessage(
            data.IndexName, data.Table, string.Join(", ", data.Columns), data.ForeignKeyName);
    }
}
