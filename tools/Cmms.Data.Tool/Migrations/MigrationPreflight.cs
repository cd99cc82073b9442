using Cmms.Data.Tool.Errors;

namespace Cmms.Data.Tool.Migrations;

/// <summary>
///     Refuses to migrate a database cmms-db would damage, before anything is changed: one whose history holds
///     migrations this build does not know, or one that is not a Cmms.Data database at all.
/// </summary>
internal static class MigrationPreflight
{
    private const int NamesShown = 5;

    public static void Check(MigrationCatalog catalog, DatabaseState state, string target, string database)
    {
        var unknown = state.Unknown(catalog);
        if (unknown.Count > 0)
        {
            throw new ToolException(
                $"The migration history of database '{database}' holds {unknown.Count} migration(s) this cmms-db does not know "
                + $"({List(unknown)}): it was migrated by a newer Cmms.Data. Use that version's cmms-db; nothing was changed.");
        }

        if (state.Applied.Count == 0 && state.ExistingRelations.Count > 0 && target != MigrationCatalog.Empty)
        {
            throw new ToolException(
                $"Database '{database}' has no Cmms.Data migration history but already has {state.ExistingRelations.Count} of the tables "
                + $"InitialSchema creates ({List(state.ExistingRelations)}): it is not a Cmms.Data database, or its schema was made without "
                + "migrations. Point --connection at an empty database or a Cmms.Data one; nothing was changed.");
        }
    }

    private static string List(IReadOnlyList<string> names)
        => string.Join(", ", names.Take(NamesShown)) + (names.Count > NamesShown ? $" and {names.Count - NamesShown} more" : string.Empty);
}
