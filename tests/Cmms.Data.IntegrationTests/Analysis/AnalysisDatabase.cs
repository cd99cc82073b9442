using Cmms.Data.IntegrationTests.Infrastructure;

namespace Cmms.Data.IntegrationTests.Analysis;

/// <summary>Builds deliberately bad schemas with raw SQL on the real test server.</summary>
internal static class AnalysisDatabase
{
    /// <summary>
    ///     Creates schema <paramref name="schema" /> and runs each statement in it, one at a time (so that
    ///     <c>CREATE INDEX CONCURRENTLY</c> runs outside a transaction block).
    /// </summary>
    public static Task CreateSchemaAsync(PostgresDatabaseFixture db, string schema, params string[] statements)
        => Sql.ExecuteEachAsync(db.ConnectionString, [$"CREATE SCHEMA {Quote(schema)}", $"SET search_path = {Quote(schema)}", .. statements]);

    public static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
