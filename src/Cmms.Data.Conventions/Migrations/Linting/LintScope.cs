using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace Cmms.Data.Conventions.Migrations.Linting;

/// <summary>What a rule needs to know about the migration around an operation: which tables it creates.</summary>
internal sealed class LintScope(IEnumerable<(string? Schema, string Table)> createdHere)
{
    private readonly HashSet<(string? Schema, string Table)> _createdHere = createdHere.ToHashSet();

    public static LintScope Of(IEnumerable<MigrationOperation> operations)
        => new(operations.OfType<CreateTableOperation>().Select(t => (t.Schema, t.Name)));

    /// <summary>Whether the table exists before the migration runs (and may be populated and busy).</summary>
    public bool IsExisting(string table, string? schema) => !_createdHere.Contains((schema, table));

    /// <summary>Whether a table of that name (any schema) is created in this migration; for raw SQL, which names tables loosely.</summary>
    public bool IsCreatedHere(string table)
    {
        var name = table.Split('.')[^1].Trim('"');
        return _createdHere.Any(t => string.Equals(t.Table, name, StringComparison.OrdinalIgnoreCase));
    }
}
