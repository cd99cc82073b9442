namespace Cmms.Data.Analysis.Model;

/// <summary>What the model expects of a database: its tables, their indexes and keys, its migrations.</summary>
/// <param name="Tables">The schema-qualified tables the model maps (not views, not the migrations history).</param>
/// <param name="Indexes">Every index and key of those tables.</param>
/// <param name="MigrationIds">The ids of the migrations of the context's migrations assembly.</param>
internal sealed record ExpectedSchema(IReadOnlySet<string> Tables, IReadOnlyList<ExpectedIndex> Indexes, IReadOnlyList<string> MigrationIds);
