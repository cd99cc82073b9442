namespace Cmms.Data.Bench.Benchmarks;

/// <summary>What the side-by-side databases measured.</summary>
internal sealed record SideBySideResult(
    IReadOnlyList<SchemaResult> Schemas, IReadOnlyList<QueryResult> Queries, IReadOnlyList<WriteResult> Writes, IReadOnlyList<ParentDeleteResult> ParentDeletes);
