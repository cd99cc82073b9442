namespace Cmms.Data.Tool.Analysis.Model;

/// <summary>What the Cmms.Data model expects of a database: its tables, their indexes and keys, its migrations.</summary>
/// <param name="Tables">The schema-qualified tables the model maps (not views, not the migrations history).</param>
/// <param name="Indexes">Every index and key of those tables.</param>
/// <param name="MigrationIds">The ids of the migrations in the Cmms.Data.Migrations assembly.</param>
internal sealed record CmmsModel(IReadOnlySet<string> Tables, IReadOnlyList<ExpectedIndex> Indexes, IReadOnlyList<string> MigrationIds);
