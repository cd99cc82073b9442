using Microsoft.Extensions.Logging;

namespace Cmms.Data.Conventions.Diagnostics;

/// <summary>
///     Event ids of what the Cmms.Data packages log through EF Core's diagnostics, for
///     <see cref="Microsoft.EntityFrameworkCore.Diagnostics.WarningsConfigurationBuilder" /> (throw, log at another level
///     or ignore an event), for <see cref="System.Diagnostics.DiagnosticListener" /> subscribers and for log filters.
/// </summary>
/// <remarks>
///     <para>
///         The ids live in a range of their own, clear of EF Core's (10000–39999, see <c>CoreEventId.CoreBaseId</c> and
///         <c>CoreEventId.ProviderBaseId</c>): 72000–72099 for the index conventions, 72100–72199 for migrations.
///     </para>
///     <para>
///         <c>options.ConfigureWarnings(w => w.Throw(CmmsEventId.RedundantIndexRemoved))</c> fails model building on the
///         first redundant index; <c>w.Ignore(...)</c> silences an event and <c>w.Log((CmmsEventId.RedundantIndexRemoved,
///         LogLevel.Information))</c> changes its level. See
///         https://learn.microsoft.com/ef/core/logging-events-diagnostics/extensions-logging#configuration-for-specific-messages.
///     </para>
/// </remarks>
public static partial class CmmsEventId
{
    /// <summary>The first id of the index conventions' events.</summary>
    public const int IndexConventionsBaseId = 72000;

    /// <summary>The first id of the migrations' events.</summary>
    public const int MigrationsBaseId = 72100;

    private const string IndexConventionsPrefix = "Cmms.Data.Conventions.";

    /// <summary>
    ///     Warning: a declared index was removed from the model because a key or another index covers it.
    ///     Its <see cref="Microsoft.EntityFrameworkCore.Diagnostics.EventData" /> is a <see cref="RedundantIndexEventData" />.
    /// </summary>
    public static readonly EventId RedundantIndexRemoved = MakeIndexId(0, nameof(RedundantIndexRemoved));

    /// <summary>
    ///     Warning: a redundant declared index was kept because redundant indexes are set to
    ///     <see cref="RedundantIndexAction.Warn" />. Its event data is a <see cref="RedundantIndexEventData" />.
    /// </summary>
    public static readonly EventId RedundantIndexKept = MakeIndexId(1, nameof(RedundantIndexKept));

    /// <summary>
    ///     Debug: a redundant index was kept because it is marked <c>AllowRedundant()</c>.
    ///     Its event data is a <see cref="RedundantIndexEventData" />.
    /// </summary>
    public static readonly EventId RedundantIndexAllowed = MakeIndexId(2, nameof(RedundantIndexAllowed));

    /// <summary>
    ///     Debug: an index was created for a foreign key that no key or usable index serves.
    ///     Its event data is a <see cref="ForeignKeyIndexEventData" />.
    /// </summary>
    public static readonly EventId ForeignKeyIndexCreated = MakeIndexId(3, nameof(ForeignKeyIndexCreated));

    /// <summary>
    ///     Debug: no index was created for a foreign key because an existing index serves it.
    ///     Its event data is a <see cref="ForeignKeyIndexEventData" />.
    /// </summary>
    public static readonly EventId ForeignKeyIndexCovered = MakeIndexId(4, nameof(ForeignKeyIndexCovered));

    /// <summary>
    ///     Debug: an index that a convention (not a declaration) added was removed because a key or another index covers
    ///     it. Its event data is a <see cref="RedundantIndexEventData" />.
    /// </summary>
    public static readonly EventId ConventionIndexRemoved = MakeIndexId(5, nameof(ConventionIndexRemoved));

    /// <summary>
    ///     Warning: an index declares a feature (INCLUDE columns, a GIN/BRIN/hash method, operator classes, NULLS NOT
    ///     DISTINCT, ...) that the database provider in use (SQLite) does not build; the message says what the database
    ///     builds instead, and the index rules judge the index as built. One event per index and feature. Its event data
    ///     is an <see cref="UnsupportedIndexFeatureEventData" />.
    /// </summary>
    public static readonly EventId UnsupportedIndexFeature = MakeIndexId(6, nameof(UnsupportedIndexFeature));

    private static EventId MakeIndexId(int offset, string name) => new(IndexConventionsBaseId + offset, IndexConventionsPrefix + name);
}
