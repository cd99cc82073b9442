namespace Cmms.Data.Tool.Migrations;

/// <summary>One migration to apply or revert, and the target to hand EF Core's migrator for exactly that step.</summary>
/// <param name="Id">The migration.</param>
/// <param name="IsRevert">Whether the migration is reverted (its <c>Down</c>) rather than applied.</param>
/// <param name="Target">The migrator target that applies or reverts only this migration.</param>
internal sealed record MigrationStep(string Id, bool IsRevert, string Target)
{
    public string Name => MigrationCatalog.NameOf(Id);
}

/// <summary>
///     The steps from the applied migrations to a target, one migration at a time (as EF Core's migrator would run
///     them), so that progress, retries and failures can name the migration they concern.
/// </summary>
internal static class MigrationPlan
{
    public static IReadOnlyList<MigrationStep> Create(MigrationCatalog catalog, IReadOnlyCollection<string> applied, string target)
    {
        var ids = catalog.Ids;
        var targetIndex = target == MigrationCatalog.Empty ? -1 : ids.ToList().IndexOf(target);

        var reverts = ids.Select((id, index) => (id, index))
            .Where(m => m.index > targetIndex && applied.Contains(m.id))
            .OrderByDescending(m => m.index)
            .Select(m => new MigrationStep(m.id, IsRevert: true, m.index == 0 ? MigrationCatalog.Empty : ids[m.index - 1]));
        var applies = ids.Select((id, index) => (id, index))
            .Where(m => m.index <= targetIndex && !applied.Contains(m.id))
            .Select(m => new MigrationStep(m.id, IsRevert: false, m.id));

        return [.. reverts, .. applies];
    }
}
