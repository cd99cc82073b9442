using Cmms.Data.Conventions.Rules;

namespace Cmms.Data.Analysis.Advice;

/// <summary>
///     Derives the indexes a statement's plan asks for, from each scan of a user table: its equality columns (filters
///     and join keys) and expressions (<c>lower(email) = $1</c>), then an ORDER BY above it (with its directions) or a
///     range column; constant conditions as a partial index's predicate; each of those once more with the other
///     columns the scan reads as INCLUDE columns, so that it could become an index-only scan; JSON containment and
///     full-text search as GIN with the operator class that serves them. Which of them help is for the planner to say
///     (<see cref="IndexAdvisor" /> measures each with HypoPG).
/// </summary>
/// <remarks>
///     Plans come from <c>EXPLAIN (VERBOSE)</c>, so every column is qualified by its table's alias. Operator classes:
///     <c>jsonb_path_ops</c> serves <c>@&gt;</c> on jsonb and is smaller and faster than the default <c>jsonb_ops</c>,
///     which also serves <c>?</c>; tsvector <c>@@</c> and array <c>@&gt;</c>/<c>&amp;&amp;</c> use the default GIN class
///     (https://www.postgresql.org/docs/15/gin-builtin-opclasses.html).
/// </remarks>
internal static class CandidateDeriver
{
    // A covering index stores its INCLUDE columns in every leaf entry; past a few, it is a second copy of the table.
    private const int MaxIncludeColumns = 3;

    private static readonly HashSet<string> SystemSchemas = new(StringComparer.Ordinal) { "pg_catalog", "information_schema", "pg_toast" };

    /// <summary>The user tables a plan scans.</summary>
    public static IEnumerable<TableName> ScannedTables(PlanNode plan)
        => plan.Descendants()
            .Where(n => n.Relation is not null && n.Schema is not null && !SystemSchemas.Contains(n.Schema))
            .Select(n => new TableName(n.Schema!, n.Relation!))
            .Distinct();

    /// <summary>The candidate indexes of one plan, without duplicates.</summary>
    /// <param name="plan">The statement's generic plan.</param>
    /// <param name="columnType">The type of a column (<c>format_type</c>), or <see langword="null" /> when unknown.</param>
    public static IReadOnlyList<Candidate> Derive(PlanNode plan, Func<TableName, string, string?> columnType)
    {
        var joinConditions = plan.Descendants().SelectMany(n => n.JoinConditions).ToList();
        var candidates = new List<Candidate>();
        foreach (var (scan, order) in Scans(plan, null))
        {
            if (scan.Relation is null || scan.Schema is null || SystemSchemas.Contains(scan.Schema) || scan.NodeType is "Index Only Scan")
            {
                continue;
            }

            var table = new TableName(scan.Schema, scan.Relation);
            var alias = scan.Alias ?? scan.Relation;
            var conjuncts = scan.Conditions.SelectMany(c => ConditionParser.Parse(c, alias)).Distinct().ToList();
            var joinKeys = joinConditions.SelectMany(c => ConditionParser.Parse(c, alias)).Where(c => c.Kind == ConjunctKind.Equality).ToList();
            var reads = Reads(scan, alias, conjuncts, column => IsNarrow(columnType(table, column)));
            candidates.AddRange(ForScan(table, conjuncts, joinKeys, SortColumns(order, alias), reads, columnType).Select(i => new Candidate(table, i)));
        }

        return candidates.DistinctBy(c => c.ToString()).ToList();
    }

    private static IEnumerable<IndexDefinition> ForScan(
        TableName table,
        List<Conjunct> conjuncts,
        List<Conjunct> joinKeys,
        (List<IndexKeyColumn> Keys, bool Limited)? order,
        (IReadOnlyList<string>? All, IReadOnlyList<string>? BeyondPredicate) read,
        Func<TableName, string, string?> columnType)
    {
        var equalities = conjuncts.Where(c => c.Kind == ConjunctKind.Equality).DistinctBy(c => c.Column).ToList();
        var range = conjuncts.Where(c => c.Kind == ConjunctKind.Range).FirstOrDefault(c => equalities.All(e => e.Column != c.Column));
        var predicates = conjuncts.Where(c => c.Kind == ConjunctKind.Constant).Select(c => c.Predicate!).Distinct().ToList();
        var predicate = predicates.Count == 0 ? null : string.Join(" AND ", predicates.Select(p => predicates.Count == 1 ? p : $"({p})"));
        var sort = order?.Keys.Where(k => equalities.All(e => e.Column != k.Name)).ToList() ?? [];

        var keySets = new List<List<IndexKeyColumn>>();
        var leading = equalities.Select(Key).ToList();
        if (sort.Count > 0 && (leading.Count > 0 || order!.Value.Limited))
        {
            keySets.Add([.. leading, .. sort]);
        }

        if (range is not null)
        {
            keySets.Add([.. leading, Key(range)]);
        }

        if (leading.Count > 0)
        {
            keySets.Add(leading);
        }

        foreach (var key in joinKeys.Select(j => j.Column).Distinct().Where(k => equalities.All(e => e.Column != k)))
        {
            keySets.Add([.. leading, new IndexKeyColumn(key)]);
            keySets.Add([new IndexKeyColumn(key)]);
        }

        foreach (var keys in keySets)
        {
            foreach (var filter in predicate is null ? [null] : new[] { null, predicate })
            {
                var include = Include(keys, filter is null ? read.All : read.BeyondPredicate);
                yield return Btree(table, keys, filter, []);
                if (include.Count > 0)
                {
                    yield return Btree(table, keys, filter, include);
                }
            }
        }

        foreach (var containment in conjuncts.Where(c => c.Kind == ConjunctKind.Containment).GroupBy(c => c.Column))
        {
            var type = columnType(table, containment.Key);
            var operators = containment.Select(c => c.Operator).ToHashSet(StringComparer.Ordinal);
            string? operatorClass = type switch
            {
                "jsonb" when operators.SetEquals(["@>"]) => "jsonb_path_ops",
                "jsonb" or "tsvector" => null,
                not null when type.EndsWith("[]", StringComparison.Ordinal) => null,
                _ => "unsupported",
            };
            if (operatorClass != "unsupported")
            {
                yield return new IndexDefinition
                {
                    Table = table.Qualified,
                    Name = string.Empty,
                    Method = "gin",
                    KeyColumns = [new IndexKeyColumn(containment.Key, OperatorClass: operatorClass)],
                    Predicate = predicate,
                };
            }
        }
    }

    private static IndexDefinition Btree(TableName table, List<IndexKeyColumn> keys, string? predicate, List<string> include) => new()
    {
        Table = table.Qualified,
        Name = string.Empty,
        KeyColumns = keys,
        IncludeColumns = include,
        Predicate = predicate,
    };

    // The columns the scan reads (its output and conditions), all of them and without those only a partial index's
    // predicate reads: the planner drops a condition the predicate implies, so an index-only scan need not return it.
    // Only columns narrow enough to copy into every index entry: a document, a text-search vector or an array is not.
    private static (IReadOnlyList<string>? All, IReadOnlyList<string>? BeyondPredicate) Reads(PlanNode scan, string alias, List<Conjunct> conjuncts, Func<string, bool> isNarrow)
    {
        if (scan.Output is not { } output)
        {
            return (null, null);
        }

        var constant = conjuncts.Where(c => c.Kind == ConjunctKind.Constant).Select(c => c.Predicate).ToHashSet(StringComparer.Ordinal);
        var parts = scan.Conditions.SelectMany(c => ConditionParser.SplitConjunction(c) ?? [c]).ToList();
        return (
            Narrow(ConditionParser.ReferencedColumns(output, parts, alias)),
            Narrow(ConditionParser.ReferencedColumns(output, parts.Where(p => !constant.Contains(ConditionParser.Unqualify(p, alias))), alias)));

        IReadOnlyList<string>? Narrow(IReadOnlyList<string>? columns) => columns is not null && columns.All(isNarrow) ? columns : null;
    }

    private static bool IsNarrow(string? type)
        => type is not ("jsonb" or "json" or "tsvector" or "bytea" or "xml") && type?.EndsWith("[]", StringComparison.Ordinal) != true;

    private static IndexKeyColumn Key(Conjunct conjunct) => new(conjunct.Column, conjunct.IsExpression);

    // The columns the scan reads beyond the keys, if an index holding them could answer it alone (no expression key,
    // no whole-row read, few enough of them): the INCLUDE list of an index-only scan.
    private static List<string> Include(List<IndexKeyColumn> keys, IReadOnlyList<string>? read)
    {
        if (read is null || keys.Any(k => k.IsExpression))
        {
            return [];
        }

        var rest = read.Where(c => keys.All(k => k.Name != c)).ToList();
        return rest.Count <= MaxIncludeColumns ? rest : [];
    }

    // The sort the scan's rows feed (a Sort or Incremental Sort above it, with no join in between), if every key is one of its columns.
    private static (List<IndexKeyColumn> Keys, bool Limited)? SortColumns((IReadOnlyList<string> Keys, bool Limited)? order, string alias)
    {
        if (order is not { } sort)
        {
            return null;
        }

        var keys = new List<IndexKeyColumn>();
        foreach (var text in sort.Keys)
        {
            if (ConditionParser.ParseSortKey(text, alias) is not { } key)
            {
                return null;
            }

            keys.Add(new IndexKeyColumn(key.Column, Descending: key.Descending, NullsFirst: key.NullsFirst));
        }

        return (keys, sort.Limited);
    }

    // Every node with the sort (and whether a LIMIT is above it) its rows flow into; a node with two inputs (a join, an append) ends it.
    private static IEnumerable<(PlanNode Node, (IReadOnlyList<string> Keys, bool Limited)? Order)> Scans(PlanNode node, (IReadOnlyList<string> Keys, bool Limited)? order, bool limited = false)
    {
        yield return (node, order);
        var isSort = node.NodeType is "Sort" or "Incremental Sort";
        var childOrder = node.Children.Count > 1 ? null : isSort ? (node.SortKeys, limited) : order;
        var childLimited = node.Children.Count <= 1 && (limited || node.NodeType == "Limit");
        foreach (var child in node.Children)
        {
            foreach (var scan in Scans(child, childOrder, childLimited))
            {
                yield return scan;
            }
        }
    }
}
