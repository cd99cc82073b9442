using System.Reflection;
using Cmms.Data.Conventions.Migrations;
using Cmms.Data.Tool.CommandLine;
using Cmms.Data.Tool.Errors;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Cmms.Data.Tool.Migrations;

/// <summary>
///     The migrations this build of cmms-db knows (those of the Cmms.Data.Migrations assembly), in order, and how
///     a name given on the command line maps to one of them.
/// </summary>
internal sealed class MigrationCatalog
{
    /// <summary>The target that means "before the first migration": an empty schema.</summary>
    public const string Empty = Migration.InitialDatabase;

    private MigrationCatalog(IReadOnlyList<string> ids) => Ids = ids;

    /// <summary>The migration ids (<c>20261121073123_InitialSchema</c>), oldest first.</summary>
    public IReadOnlyList<string> Ids { get; }

    /// <summary>The newest migration, or <see cref="Empty" /> when there is none.</summary>
    public string Head => Ids.Count == 0 ? Empty : Ids[^1];

    /// <summary>
    ///     The migrations of <see cref="CmmsDbContext" />, read from the attributes of the migrations assembly
    ///     (<see cref="MigrationIds.InAssembly" />) without an EF Core service provider or model: a no-op <c>migrate</c>
    ///     knows whether there is work before it pays for either.
    /// </summary>
    public static MigrationCatalog Cmms { get; } =
        new(MigrationIds.InAssembly(Assembly.Load(CmmsDbContextOptionsBuilderExtensions.MigrationsAssembly), typeof(CmmsDbContext)));

    public bool Knows(string id) => Ids.Contains(id, StringComparer.Ordinal);

    /// <summary>
    ///     The id of the migration named <paramref name="nameOrId" /> (its name or its full id, any case), or
    ///     <see cref="Empty" /> for <c>0</c>; a usage error listing the known migrations otherwise.
    /// </summary>
    public string Resolve(string nameOrId, string option)
    {
        if (nameOrId == Empty)
        {
            return Empty;
        }

        var match = Ids.FirstOrDefault(id => string.Equals(id, nameOrId, StringComparison.OrdinalIgnoreCase))
            ?? Ids.FirstOrDefault(id => string.Equals(MigrationIds.NameOf(id), nameOrId, StringComparison.OrdinalIgnoreCase));
        return match ?? throw new ToolException(
            $"Unknown migration '{nameOrId}' for {option}. Known migrations: {Describe()}.",
            ExitCodes.Usage);
    }

    /// <summary>The known migrations for a message: <c>0 (empty schema), InitialSchema (20261121073123_InitialSchema), …</c>.</summary>
    public string Describe() => string.Join(", ", Ids.Select(id => $"{MigrationIds.NameOf(id)} ({id})").Prepend($"{Empty} (empty schema)"));
}
