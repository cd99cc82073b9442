using Cmms.Data.Conventions.Migrations;

namespace Cmms.Data.Tool.Migrations;

/// <summary>One migration the run applied or reverted.</summary>
/// <param name="Id">The migration.</param>
/// <param name="IsRevert">Whether the migration was reverted (its <c>Down</c>) rather than applied.</param>
internal sealed record MigrationStep(string Id, bool IsRevert)
{
    public string Name => MigrationIds.NameOf(Id);
}
