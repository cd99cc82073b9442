using System.Globalization;
using Cmms.Data.Bench.Schemas;
using Npgsql;

namespace Cmms.Data.Bench.AnalyzeSpeed;

/// <summary>
///     Generates a large catalog for timing <c>cmms-db analyze</c>: schema <c>speed</c> with <see cref="Tables" /> tables
///     <c>t1</c>… each holding a primary key, a foreign key to the table before it and key-shaped columns, and
///     <see cref="Indexes" /> indexes in all (the primary keys included), spread as evenly as the division allows. It
///     plants findings the analyzer must report: every tenth table's foreign key has no index
///     (<c>fk_without_index</c>), every seventh table with room for it has a duplicate of its <c>(a, b)</c> index and
///     every eleventh a redundant <c>(a)</c> prefix of it. The tables stay empty: analyze reads the catalog, not rows.
/// </summary>
/// <param name="Tables">Tables to create (at least 1).</param>
/// <param name="Indexes">
///     Indexes in all, primary keys included: from <see cref="MinimumPerTable" /> to <see cref="MaximumPerTable" /> per
///     table, so every foreign key not planted as unindexed has its index and no shape repeats unplanned.
/// </param>
internal sealed record SpeedCatalog(int Tables, int Indexes)
{
    public const string Schema = "speed";

    // The index shapes beyond the primary key, in the order each table takes them, the foreign key's first; none is a
    // leading prefix of another, so the only redundancy is what is planted.
    private static readonly string[] Shapes = ["parent_id", "a, b", "c, e", "d", "b, c", "e", "a, c", "c, d", "b, d", "b, e"];

    // A batch is one implicit transaction holding a lock per table and index it creates: small enough for the lock table
    // (max_locks_per_transaction × max_connections slots, 6,400 by default).
    private const int StatementsPerBatch = 60;

    /// <summary>The fewest indexes per table: the primary key and the foreign key's.</summary>
    public const int MinimumPerTable = 2;

    /// <summary>The most indexes per table: the primary key and one of each shape.</summary>
    public static int MaximumPerTable => Shapes.Length + 1;

    /// <summary>Indexes of table <paramref name="table" /> (1-based), the primary key included.</summary>
    public int IndexesOf(int table) => (Indexes / Tables) + (table <= Indexes % Tables ? 1 : 0);

    /// <summary>The tables whose foreign key gets no index: every tenth, when it has a foreign key and room for one.</summary>
    public bool LacksForeignKeyIndex(int table) => table > 1 && table % 10 == 0 && IndexesOf(table) >= 2;

    /// <summary>Tables that get a duplicate of their <c>(a, b)</c> index.</summary>
    public bool HasDuplicate(int table) => table % 7 == 0 && IndexesOf(table) >= 4;

    /// <summary>Tables that get a redundant <c>(a)</c> index, a leading prefix of <c>(a, b)</c>.</summary>
    public bool HasRedundant(int table) => table % 11 == 0 && !HasDuplicate(table) && IndexesOf(table) >= 4;

    /// <summary>The findings of each planted kind the analyzer must report.</summary>
    public (int ForeignKeysWithoutIndex, int Duplicates, int Redundant) Planted()
    {
        var tables = Enumerable.Range(1, Tables).ToList();
        return (tables.Count(LacksForeignKeyIndex), tables.Count(HasDuplicate), tables.Count(HasRedundant));
    }

    /// <summary>Creates the schema (dropping an earlier one) and every table and index, in batches of statements, then analyzes.</summary>
    public async Task CreateAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);

        var statements = new List<string> { $"DROP SCHEMA IF EXISTS {Schema} CASCADE", $"CREATE SCHEMA {Schema}" };
        for (var table = 1; table <= Tables; table++)
        {
            statements.AddRange(TableStatements(table));
        }

        foreach (var batch in statements.Chunk(StatementsPerBatch))
        {
            await Statements.ExecuteAsync(connection, string.Join(";\n", batch), cancellationToken).ConfigureAwait(false);
        }

        // On its own, so it is no transaction block and takes one transaction per table, not every table's lock at once.
        await Statements.ExecuteAsync(connection, "ANALYZE", cancellationToken).ConfigureAwait(false);
    }

    private IEnumerable<string> TableStatements(int table)
    {
        var name = $"{Schema}.t{table}";
        var reference = table > 1 ? $" REFERENCES {Schema}.t{table - 1}" : string.Empty;
        yield return $"CREATE TABLE {name} (id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY, parent_id int{reference}, a int, b int, c int, d text, e timestamptz)";

        var shapes = Shapes.Where(s => s != "parent_id" || !LacksForeignKeyIndex(table)).ToList();
        var planted = HasDuplicate(table) ? "a, b" : HasRedundant(table) ? "a" : null;
        var count = IndexesOf(table) - 1;
        for (var i = 0; i < count; i++)
        {
            var columns = planted is not null && i == count - 1 ? planted : shapes[i];
            yield return $"CREATE INDEX ix_t{table}_{i} ON {name} ({columns})";
        }
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Tables:N0} tables, {Indexes:N0} indexes");
}
