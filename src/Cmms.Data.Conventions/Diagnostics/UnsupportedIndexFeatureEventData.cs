using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Cmms.Data.Conventions.Diagnostics;

/// <summary>
///     The <see cref="System.Diagnostics.DiagnosticSource" /> payload of <see cref="CmmsEventId.UnsupportedIndexFeature" />.
/// </summary>
/// <param name="eventDefinition">The event definition.</param>
/// <param name="messageGenerator">A delegate that generates the log message for this event.</param>
/// <param name="indexName">The index's database name.</param>
/// <param name="table">The table (schema-qualified when it has a schema).</param>
/// <param name="feature">The feature the index declares and the provider does not build.</param>
/// <param name="declared">What the model declares, as PostgreSQL would build it (<c>INCLUDE (total)</c>, say).</param>
/// <param name="provider">The database provider's display name (<c>SQLite</c>).</param>
public class UnsupportedIndexFeatureEventData(
    EventDefinitionBase eventDefinition,
    Func<EventDefinitionBase, EventData, string> messageGenerator,
    string indexName,
    string table,
    UnsupportedIndexFeature feature,
    string declared,
    string provider) : EventData(eventDefinition, messageGenerator)
{
    /// <summary>The index's database name.</summary>
    public virtual string IndexName { get; } = indexName;

    /// <summary>The table (schema-qualified when it has a schema).</summary>
    public virtual string Table { get; } = table;

    /// <summary>The feature the index declares and the provider does not build.</summary>
    public virtual UnsupportedIndexFeature Feature { get; } = feature;

    /// <summary>What the model declares, as PostgreSQL would build it.</summary>
    public virtual string Declared { get; } = declared;

    /// <summary>The database provider's display name.</summary>
    public virtual string Provider { get; } = provider;
}
