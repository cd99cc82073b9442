using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Cmms.Data.Conventions.Diagnostics;

/// <summary>
///     The <see cref="System.Diagnostics.DiagnosticSource" /> payload of the redundant-index events
///     (<see cref="CmmsEventId.RedundantIndexRemoved" />, <see cref="CmmsEventId.RedundantIndexKept" />,
///     <see cref="CmmsEventId.RedundantIndexAllowed" />, <see cref="CmmsEventId.ConventionIndexRemoved" />).
/// </summary>
/// <param name="eventDefinition">The event definition.</param>
/// <param name="messageGenerator">A delegate that generates the log message for this event.</param>
/// <param name="indexName">The redundant index's database name.</param>
/// <param name="table">The table (schema-qualified when it has a schema).</param>
/// <param name="columns">The index's key columns, in order.</param>
/// <param name="reason">How <paramref name="coveredBy" /> covers it.</param>
/// <param name="coveredBy">The database name of the key or index that serves its queries.</param>
public class RedundantIndexEventData(
    EventDefinitionBase eventDefinition,
    Func<EventDefinitionBase, EventData, string> messageGenerator,
    string indexName,
    string table,
    IReadOnlyList<string> columns,
    PrunedIndexReason reason,
    string coveredBy) : EventData(eventDefinition, messageGenerator)
{
    /// <summary>The redundant index's database name.</summary>
    public virtual string IndexName { get; } = indexName;

    /// <summary>The table (schema-qualified when it has a schema).</summary>
    public virtual string Table { get; } = table;

    /// <summary>The index's key columns, in order.</summary>
    public virtual IReadOnlyList<string> Columns { get; } = columns;

    /// <summary>How <see cref="CoveredBy" /> covers the index.</summary>
    public virtual PrunedIndexReason Reason { get; } = reason;

    /// <summary>The database name of the key or index that serves the index's queries.</summary>
    public virtual string CoveredBy { get; } = coveredBy;
}
