namespace Cmms.Data.Conventions.Migrations.Engine;

/// <summary>The index a <see cref="GuardedStatementsCommand" /> builds concurrently.</summary>
/// <param name="Index">The index's name, as the model declares it.</param>
/// <param name="Table">Its table, quoted with its schema as PostgreSQL does: builds of one table never run at once.</param>
internal sealed record ConcurrentIndexBuild(string Index, string Table);
