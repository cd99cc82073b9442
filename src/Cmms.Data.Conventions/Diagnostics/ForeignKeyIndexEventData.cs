using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Cmms.Data.Conventions.Diagnostics;

/// <summary>
///     The <see cref="System.Diagnostics.DiagnosticSource" /> payload of the foreign-key index events
///     (<see cref="CmmsEventId.ForeignKeyIndexCreated" />, <see cref="CmmsEventId.ForeignKeyIndexCovered" />).
/// </summary>
/// <param name="eventDefinition">The event definition.</param>
/// <param name="messageGenerator">A delegate that generates the log message for this event.</param>
/// <param name="foreignKeyName">The foreign key's constraint name.</param>
/// <param name="table">The dependent table (schema-qualified when it has a schema).</param>
/// <param name="columns">The foreign key's columns, in order.</param>
/// <param name="indexName">The index created for the foreign key, or the existing index that serves it.</param>
public class ForeignKeyIndexEventData(
    EventDefinitionBase eventDefinition,
    Func<EventDefinitionBase, EventData, string> messageGenerator,
    string foreignKeyName,
    string table,
    IReadOnlyList<string> columns,
    string indexName) : EventData(eventDefinition, messageGenerator)
{
    /// <summary>The foreign key's constraint name.</summary>
    public virtual string ForeignKeyName { get; } = foreignKeyName;

    /// <summary>The dependent table (schema-qualified when it has a schema).</summary>
    public virtual string Table { get; } = table;

    /// <summary>The foreign key's columns, in order.</summary>
    public virtual IReadOnlyList<string> Columns { get; } = columns;

    /// <summary>The index created for the foreign key, or the existing index that serves it.</summary>
    public virtual string IndexName { get; } = indexName;
}
