using Microsoft.EntityFrameworkCore;

namespace Cmms.Data.RewriteScenarios;

/// <summary>
///     A context with no entities whose five migrations make the five <see cref="RewriteChange" />s, in order, on tables
///     the tests create by hand: the rewrites through <c>dotnet ef database update</c> and an efbundle, the paths that
///     build the context with <see cref="RewriteScenariosContextFactory" />.
/// </summary>
/// <remarks>
///     <code>CMMS_DB_CONNECTION="Host=…;Database=…" dotnet ef database update --project tests/Cmms.Data.RewriteScenarios</code>
/// </remarks>
/// <param name="options">The options, from <see cref="RewriteScenariosContextFactory" />.</param>
public sealed class RewriteScenariosContext(DbContextOptions<RewriteScenariosContext> options) : DbContext(options)
{
    /// <summary>The history table, apart from every other context's in the test databases.</summary>
    public const string HistoryTable = "__history_rewrite_scenarios";
}
