using Cmms.Data.Analysis.Catalog;
using Microsoft.EntityFrameworkCore;

namespace Cmms.Data.Analysis.Model;

/// <summary>
///     The one rule for when a database is judged against a model (analyze's drift check, advise's EF Core code):
///     <see cref="ModelCheck.Always" />, or <see cref="ModelCheck.WhenMigrated" /> when <c>__EFMigrationsHistory</c>
///     holds at least one of the context's migrations, so a database the model never migrated is not read through it.
/// </summary>
internal static class MigratedModel
{
    /// <summary>Whether the rule needs the migration history: only to decide <see cref="ModelCheck.WhenMigrated" /> for a model.</summary>
    /// <param name="create">Creates the context; <see langword="null" /> for no model.</param>
    /// <param name="check">When the model applies.</param>
    public static bool ReadsHistory(Func<DbContext>? create, ModelCheck check) => create is not null && check != ModelCheck.Always;

    /// <summary>What <paramref name="read" /> makes of the context's model when the rule says the database carries it.</summary>
    /// <param name="readHistory">Reads the migration history (read-only).</param>
    /// <param name="create">Creates the context (disposed here); <see langword="null" /> for no model.</param>
    /// <param name="check">When the model applies.</param>
    /// <param name="read">What to take from the context: the expected schema, the design-time model.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The model, or <see langword="null" />; and whether the history exists but this role may not read it.</returns>
    public static async Task<(T? Model, bool HistoryUnreadable)> ReadAsync<T>(
        Func<CancellationToken, Task<MigrationHistory>> readHistory,
        Func<DbContext>? create,
        ModelCheck check,
        Func<DbContext, T> read,
        CancellationToken cancellationToken)
        where T : class
    {
        if (create is null)
        {
            return (null, false);
        }

        if (!ReadsHistory(create, check))
        {
            return (await Task.Run(() => Read(create, read, null), cancellationToken).ConfigureAwait(false), false);
        }

        var history = await readHistory(cancellationToken).ConfigureAwait(false);
        if (history is { Exists: true, IsReadable: false })
        {
            return (null, true);
        }

        // Building the model is the CPU-heavy step: not for a database that holds none of the context's migrations.
        return history.MigrationIds.Count == 0
            ? (null, false)
            : (await Task.Run(() => Read(create, read, history.MigrationIds), cancellationToken).ConfigureAwait(false), false);
    }

    private static T? Read<T>(Func<DbContext> create, Func<DbContext, T> read, IReadOnlyList<string>? applied)
        where T : class
    {
        using var context = create();
        return applied is null || applied.Intersect(context.Database.GetMigrations(), StringComparer.Ordinal).Any() ? read(context) : null;
    }
}
