namespace Cmms.Data.Analysis;

/// <summary>When <see cref="DatabaseAnalyzer" /> compares the database with <see cref="AnalysisOptions.ModelContext" />.</summary>
public enum ModelCheck
{
    /// <summary>
    ///     Only when <c>__EFMigrationsHistory</c> holds at least one of the model's migrations, so a database the model
    ///     never migrated is not reported as missing every index.
    /// </summary>
    WhenMigrated,

    /// <summary>Always.</summary>
    Always,
}
