using Cmms.Data.Conventions.Migrations.Linting.Rules;
using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace Cmms.Data.Conventions.Migrations.Linting;

/// <summary>What a rule needs to know about the migration around an operation: which tables it creates.</summary>
internal sealed class LintScope(IEnumerable<(string? Schema, string Table)> createdHere)
{
    private readonly HashSet<(string? Schema, string Table)> _createdHere = createdHere.ToHashSet();

    /// <summary>The tables a migration creates: by CreateTable, or by raw SQL (CREATE TABLE, CREATE MATERIALIZED VIEW).</summary>
    public static LintScope Of(IReadOnlyList<MigrationOperation> operations)
        => new(operations.OfType<CreateTableOperation>().Select(t => (t.Schema, t.Name))
            .Concat(CreatedBySql(operations.OfType<SqlOperation>().SelectMany(s => SqlStatementReader.Read(s.Sql, inTransaction: false)))));

    /// <summary>The tables and materialized views that statements create.</summary>
    public static IEnumerable<(string? Schema, string Table)> CreatedBySql(IEnumerable<SqlStatement> statements)
        => statements.Select(s => SqlPatterns.CreateTable().Match(s.Text)).Where(m => m.Success)
            .Select(m => ((string?)null, m.Groups["table"].Value.Split('.')[^1].Trim('"')));

    /// <summary>Whether the table exists before the migration runs (and may be populated and busy).</summary>
    public bool IsExisting(string table, string? schema) => !_createdHere.Contains((schema, table));

    /// <summary>Whether a table of that name (any schema) is created in this migration; for raw SQL, which names tables loosely.</summary>
    public bool IsCreatedHere(string table)
    {
        var name = table.Split('.')[^1].Trim('"');
        return _createdHere.Any(t => string.Equals(t.Table, name, StringComparison.OrdinalIgnoreCase));
    }
}
