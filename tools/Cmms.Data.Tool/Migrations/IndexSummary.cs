using Cmms.Data.Conventions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace Cmms.Data.Tool.Migrations;

/// <summary>
///     The indexes on the schema's tables and views as the database has them (from <c>pg_index</c>), and the indexes
///     the conventions pruned from the model.
/// </summary>
/// <param name="Total">All indexes, primary keys and unique constraints included.</param>
/// <param name="ByMethod">Count per access method (<c>btree</c>, <c>gin</c>, <c>brin</c>, …).</param>
/// <param name="Unique">Unique indexes (primary keys included).</param>
/// <param name="Partial">Indexes with a <c>WHERE</c> predicate.</param>
/// <param name="Covering">Indexes with <c>INCLUDE</c> columns.</param>
/// <param name="Invalid">Indexes left invalid by a failed concurrent build.</param>
/// <param name="Pruned">Indexes the conventions left out of the model, with the reason and what covers them.</param>
internal sealed record IndexSummary(
    int Total,
    IReadOnlyDictionary<string, int> ByMethod,
    int Unique,
    int Partial,
    int Covering,
    IReadOnlyList<string> Invalid,
    IReadOnlyList<PrunedIndex> Pruned)
{
    // indnkeyatts < indnatts: INCLUDE columns. https://www.postgresql.org/docs/current/catalog-pg-index.html
    private const string Sql = """
        SELECT am.amname, c.relname, i.indisunique, i.indpred IS NOT NULL, i.indnkeyatts < i.indnatts, i.indisvalid
        FROM pg_index i
        JOIN pg_class c ON c.oid = i.indexrelid
        JOIN pg_am am ON am.oid = c.relam
        WHERE i.indrelid = ANY (SELECT to_regclass(quote_ident(name)) FROM unnest($1::text[]) AS name)
        ORDER BY c.relname
        """;

    public static async Task<IndexSummary> ReadAsync(NpgsqlConnection connection, IModel designTimeModel, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(Sql, connection)
        {
            Parameters = { new() { Value = DatabaseState.RelationNames(designTimeModel) } },
        };
        var byMethod = new SortedDictionary<string, int>(StringComparer.Ordinal);
        int total = 0, unique = 0, partial = 0, covering = 0;
        var invalid = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var method = reader.GetString(0);
            byMethod[method] = byMethod.GetValueOrDefault(method) + 1;
            total++;
            unique += reader.GetBoolean(2) ? 1 : 0;
            partial += reader.GetBoolean(3) ? 1 : 0;
            covering += reader.GetBoolean(4) ? 1 : 0;
            if (!reader.GetBoolean(5))
            {
                invalid.Add(reader.GetString(1));
            }
        }

        return new IndexSummary(total, byMethod, unique, partial, covering, invalid, designTimeModel.GetPrunedIndexes());
    }

    /// <summary>The summary as lines of text.</summary>
    public IEnumerable<string> ToLines()
    {
        var methods = string.Join(", ", ByMethod.Select(m => $"{m.Key} {m.Value}"));
        yield return $"Indexes: {Total} ({(methods.Length == 0 ? "none" : methods)}); {Unique} unique, {Partial} partial, {Covering} covering.";
        if (Invalid.Count > 0)
        {
            yield return $"Invalid indexes (a concurrent build failed; rerun cmms-db migrate): {string.Join(", ", Invalid)}.";
        }

        yield return $"Pruned from the model by the index conventions: {Pruned.Count}.";
        foreach (var pruned in Pruned)
        {
            yield return $"  {pruned.Name} on {pruned.Table} ({string.Join(", ", pruned.Columns)}): {pruned.Reason}, covered by {pruned.CoveredBy}";
        }
    }
}
