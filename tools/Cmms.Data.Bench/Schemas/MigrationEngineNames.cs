namespace Cmms.Data.Bench.Schemas;

/// <summary>Names of the migration engines in reports.</summary>
internal static class MigrationEngineNames
{
    /// <summary>The machine-readable key used in results.json.</summary>
    public static string Key(this MigrationEngine engine) => engine == MigrationEngine.PlainEfCore ? "plainEfCore" : "cmmsData";

    public static string Title(this MigrationEngine engine) => engine == MigrationEngine.PlainEfCore ? "plain EF Core" : "Cmms.Data";
}
