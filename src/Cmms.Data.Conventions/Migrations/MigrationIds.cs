using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Cmms.Data.Conventions.Migrations;

/// <summary>How EF Core migration ids are found in an assembly and read for people.</summary>
public static class MigrationIds
{
    // dotnet ef migrations add writes ids as a 14-digit UTC timestamp, an underscore and the name (yyyyMMddHHmmss_Name).
    private const int TimestampLength = 14;

    /// <summary>
    ///     The name a migration was given (<c>InitialSchema</c> for <c>20261121073123_InitialSchema</c>); an id not in
    ///     that form is returned as it is.
    /// </summary>
    /// <param name="migrationId">The migration's id, as in the history table.</param>
    public static string NameOf(string migrationId)
        => migrationId.Length > TimestampLength + 1 && migrationId[TimestampLength] == '_' ? migrationId[(TimestampLength + 1)..] : migrationId;

    /// <summary>
    ///     The ids of <paramref name="contextType" />'s migrations in <paramref name="migrationsAssembly" />, oldest first
    ///     (ordinal order, as the ids' timestamps sort), read from their <c>[Migration]</c> and <c>[DbContext]</c>
    ///     attributes the way EF Core's <c>MigrationsAssembly</c> finds them, but without an EF Core service provider or
    ///     model: what <see cref="MigrationsUpToDateCheck" /> compares the history with.
    /// </summary>
    /// <param name="migrationsAssembly">The assembly that holds the migrations (<c>MigrationsAssembly(…)</c> of the context's options).</param>
    /// <param name="contextType">The <see cref="DbContext" /> the migrations belong to.</param>
    public static IReadOnlyList<string> InAssembly(Assembly migrationsAssembly, Type contextType)
    {
        ArgumentNullException.ThrowIfNull(migrationsAssembly);
        ArgumentNullException.ThrowIfNull(contextType);
        return
        [
            .. LoadableTypes(migrationsAssembly)
                .Where(type => type.IsSubclassOf(typeof(Migration)) && !type.IsAbstract && !type.IsGenericTypeDefinition
                    && type.GetCustomAttribute<DbContextAttribute>()?.ContextType == contextType)
                .Select(type => type.GetCustomAttribute<MigrationAttribute>()?.Id)
                .OfType<string>()
                .Order(StringComparer.Ordinal),
        ];
    }

    // A migrations assembly may also hold types whose dependencies the host does not ship (a design-time factory needs
    // EF Core Design, which a release executable leaves out): those are not migrations, and EF Core's
    // MigrationsAssembly skips the types that cannot load the same way.
    private static IEnumerable<Type> LoadableTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException ex)
        {
            return ex.Types.OfType<Type>();
        }
    }
}
