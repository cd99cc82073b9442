using Cmms.Data.Conventions.Migrations.Linting;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Cmms.Data.Conventions.Diagnostics;

/// <summary>The <see cref="EventData" /> of the migration linter's events (<see cref="CmmsEventId.MigrationLintError" /> and the others).</summary>
/// <param name="eventDefinition">The event definition.</param>
/// <param name="messageGenerator">Generates the message from the definition and this payload.</param>
/// <param name="finding">The finding.</param>
public sealed class MigrationLintEventData(
    EventDefinitionBase eventDefinition,
    Func<EventDefinitionBase, EventData, string> messageGenerator,
    MigrationLintFinding finding) : EventData(eventDefinition, messageGenerator)
{
    /// <summary>The finding.</summary>
    public MigrationLintFinding Finding { get; } = finding;
}
