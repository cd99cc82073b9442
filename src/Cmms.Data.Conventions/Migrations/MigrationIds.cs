namespace Cmms.Data.Conventions.Migrations;

/// <summary>How EF Core migration ids are read for people.</summary>
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
}
