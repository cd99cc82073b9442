namespace Cmms.Data.Bench.Catalog;

/// <summary>One query of the catalog in the schema specification (Q1–Q25).</summary>
/// <param name="Id">The catalog id, <c>Q1</c> … <c>Q25</c>.</param>
/// <param name="Description">What the query answers, as the catalog words it.</param>
/// <param name="Table">The relation the query reads and the index serves.</param>
/// <param name="ServedBy">The index the catalog names (before pruning; see <see cref="ExpectedIndexes" />).</param>
/// <param name="Sql">The query, with positional parameters <c>$1</c>, <c>$2</c> cast to their column types.</param>
/// <param name="ParameterSql">
///     A query over the loaded data returning one row: the parameter values, chosen to be typical (the median
///     user, entity or word by row count), never the heaviest; <see langword="null" /> when the query has none.
/// </param>
/// <param name="Selective">
///     Whether the query reads a small, index-addressable slice of its table. Q23 (top of a precomputed view) and
///     Q24 (a time range served by a lossy block-range index) are not, and the read-speedup target leaves them out.
/// </param>
internal sealed record CatalogQuery(string Id, string Description, string Table, string ServedBy, string Sql, string? ParameterSql, bool Selective = true);
