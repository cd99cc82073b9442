using Microsoft.Extensions.Logging;

namespace Cmms.Data.Conventions.Diagnostics;

/// <summary>
///     Event ids of what the Cmms.Data conventions log, for filtering and for tests.
/// </summary>
public static class CmmsEventId
{
    private const int IndexConventionsBase = 72000;

    /// <summary>Warning: a declared index was removed because a key or another index covers it.</summary>
    public static readonly EventId RedundantIndexRemoved = Make(0, nameof(RedundantIndexRemoved));

    /// <summary>Warning: a redundant declared index was kept because redundant indexes are set to <c>Warn</c>.</summary>
    public static readonly EventId RedundantIndexKept = Make(1, nameof(RedundantIndexKept));

    /// <summary>Debug: a redundant index was kept because it is marked <c>AllowRedundant()</c>.</summary>
    public static readonly EventId RedundantIndexAllowed = Make(2, nameof(RedundantIndexAllowed));

    /// <summary>Debug: an index was created for a foreign key that no key or usable index serves.</summary>
    public static readonly EventId ForeignKeyIndexCreated = Make(3, nameof(ForeignKeyIndexCreated));

    /// <summary>Debug: no index was created for a foreign key because an existing index serves it.</summary>
    public static readonly EventId ForeignKeyIndexCovered = Make(4, nameof(ForeignKeyIndexCovered));

    private static EventId Make(int offset, string name)
        => new(IndexConventionsBase + offset, "Cmms.Data.Conventions." + name);
}
