namespace Cmms.Data.Analysis.Advice;

/// <summary>An existing index a proposal makes redundant (a leading prefix of it), to drop once the proposal is built.</summary>
/// <param name="Name">The existing index.</param>
/// <param name="DropSql">The <c>DROP INDEX CONCURRENTLY</c> statement, identifiers quoted as PostgreSQL does.</param>
public sealed record IndexDrop(string Name, string DropSql);
