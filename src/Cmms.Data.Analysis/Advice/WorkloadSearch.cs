using Cmms.Data.Analysis.Sql;
using Cmms.Data.Conventions.Rules;
using Npgsql;

namespace Cmms.Data.Analysis.Advice;

/// <summary>
///     The search for the index set: candidates from every plan, those an existing index or key already covers left
///     out, each btree candidate measured with a hypothetical index against every statement on its table, and the
///     one saving the most weighted cost kept while it saves at least <see cref="AdviceRequest.MinCostReduction" /> of
///     what the statements it serves cost; then every statement is planned once more with all kept indexes, so each
///     proposal lists exactly the statements whose plans use it.
/// </summary>
internal sealed class WorkloadSearch
{
    // Plan costs are estimates; two indexes within half a percent of each other serve a statement equally well.
    private const double NearTie = 0.995;

    // What INCLUDE columns must save per call beyond the plain index: about 25 heap pages fetched at random
    // (random_page_cost 4, https://www.postgresql.org/docs/15/runtime-config-query.html). Below that the plain
    // index already finds a handful of rows, and a covering one only makes every entry wider.
    private const double MinCoveringSavingPerCall = 100;

    private readonly AdvisorSession _session;
    private readonly IReadOnlyList<PlannedStatement> _planned;
    private readonly Dictionary<PlannedStatement, double> _current;
    private readonly Dictionary<PlannedStatement, double> _bestCut = [];

    private WorkloadSearch(AdvisorSession session, IReadOnlyList<PlannedStatement> planned)
    {
        _session = session;
        _planned = planned;
        _current = planned.ToDictionary(p => p, p => p.Cost);
    }

    public IReadOnlyList<FoundIndex> Proposals { get; private set; } = [];

    public IReadOnlyList<UnhelpedStatement> Unhelped { get; private set; } = [];

    public int CatalogOnly { get; private set; }

    public static async Task<WorkloadSearch> RunAsync(
        AdvisorSession session,
        IReadOnlyList<PlannedStatement> planned,
        AdviceRequest request,
        CancellationToken cancellationToken)
    {
        var search = new WorkloadSearch(session, planned);
        await search.SearchAsync(request, cancellationToken).ConfigureAwait(false);
        return search;
    }

    private async Task SearchAsync(AdviceRequest request, CancellationToken cancellationToken)
    {
        var tables = _planned.SelectMany(p => p.Tables).Distinct().ToList();
        var existing = tables.Count == 0 ? [] : await _session.ReadIndexesAsync(tables, cancellationToken).ConfigureAwait(false);
        var types = tables.Count == 0 ? [] : await _session.ReadColumnTypesAsync(tables, cancellationToken).ConfigureAwait(false);

        var derived = _planned.ToDictionary(
            p => p,
            p => CandidateDeriver.Derive(p.Plan, (table, column) => types.GetValueOrDefault((table, column))));
        var coveredBy = new Dictionary<PlannedStatement, string>();
        var candidates = new List<Candidate>();
        foreach (var (statement, indexes) in derived)
        {
            foreach (var candidate in indexes)
            {
                var cover = existing.FirstOrDefault(e => IndexRedundancyRules.Covers(e, candidate.Index) is not null);
                if (cover is not null)
                {
                    coveredBy.TryAdd(statement, cover.Name);
                }
                else if (!candidates.Any(c => c.ToString() == candidate.ToString()))
                {
                    candidates.Add(candidate);
                }
            }
        }

        var btree = candidates.Where(c => c.Index.Method == "btree").ToList();
        var kept = await ChooseAsync(btree, request.MinCostReduction, cancellationToken).ConfigureAwait(false);
        var effects = await FinalEffectsAsync(kept, cancellationToken).ConfigureAwait(false);

        var taken = await _session.ReadRelationNamesAsync(tables.Select(t => t.Schema), cancellationToken).ConfigureAwait(false);
        var found = new List<FoundIndex>();
        foreach (var (index, served) in effects.Where(e => e.Value.Count > 0))
        {
            found.Add(Found(index, served, isVerified: true, existing, taken));
        }

        // HypoPG cannot simulate GIN: such a candidate is proposed for the statements it was derived from, unmeasured.
        foreach (var gin in candidates.Where(c => c.Index.Method != "btree"))
        {
            var served = derived.Where(d => d.Value.Any(c => c.ToString() == gin.ToString()))
                .Select(d => new StatementEffect(d.Key.Statement.Sql, d.Key.Statement.Calls, d.Key.Cost, null))
                .ToList();
            found.Add(Found(gin, served, isVerified: false, existing, taken));
        }

        var servedSql = found.SelectMany(f => f.Effects).Select(e => e.Sql).ToHashSet(StringComparer.Ordinal);
        Proposals = found;
        // A statement reading only system catalogs (a driver's type loading, a monitoring query) is not the application's to index.
        Unhelped = _planned.Where(p => p.Tables.Count > 0 && !servedSql.Contains(p.Statement.Sql)).Select(p => Reason(p, derived[p], coveredBy, request)).ToList();
        CatalogOnly = _planned.Count(p => p.Tables.Count == 0);
    }

    private async Task<List<Candidate>> ChooseAsync(List<Candidate> candidates, double minReduction, CancellationToken cancellationToken)
    {
        var kept = new List<Candidate>();
        var measured = new Dictionary<Candidate, Measurement>();
        var open = candidates.ToList();
        TableName? changed = null;
        while (open.Count > 0)
        {
            foreach (var candidate in open.Where(c => changed is null || c.Table == changed).ToList())
            {
                measured[candidate] = await MeasureAsync(candidate, cancellationToken).ConfigureAwait(false);
            }

            // Too small a cut now only shrinks as more indexes are kept: such candidates are out for good.
            open.RemoveAll(c => measured[c].Costs.Count == 0 || measured[c].Reduction(_current) < minReduction
                || (c.Index.IncludeColumns.Count > 0 && measured[c].SavedPerCall(_current) < MinCoveringSavingPerCall));
            var best = open
                .OrderByDescending(c => measured[c].Saved(_current))
                .ThenByDescending(c => measured[c].Costs.Count)
                .ThenBy(c => c.Index.KeyColumns.Count)
                .ThenBy(c => c.Index.IncludeColumns.Count)
                .ThenBy(c => c.Index.Predicate is null ? 0 : 1)
                .FirstOrDefault();
            if (best is null)
            {
                break;
            }

            // At (nearly) the same cut, the composite that covers the best one serves its statements and more (an ORDER BY, a range).
            var saved = measured[best].Saved(_current);
            best = open
                .Where(c => IndexRedundancyRules.Covers(c.Index, best.Index) is not null
                    && c.Index.IncludeColumns.Count <= best.Index.IncludeColumns.Count
                    && measured[c].Saved(_current) >= saved * NearTie)
                .OrderByDescending(c => measured[c].Saved(_current))
                .FirstOrDefault() ?? best;

            // A covering index is judged against its plain twin: that is kept first, and the INCLUDE columns then have
            // to cut what is left by the same threshold when the covering one is measured again.
            best = PlainTwin(best, open, measured) ?? best;
            kept.Add(best);
            open.Remove(best);
            await _session.CreateHypotheticalAsync(Sql(best), cancellationToken).ConfigureAwait(false);
            foreach (var (statement, cost) in measured[best].Costs)
            {
                _current[statement] = Math.Min(_current[statement], cost);
            }

            changed = best.Table;
        }

        // One kept index that another kept index covers (a prefix of it) is the narrow one of the two: leave it out.
        return kept.Where(k => !kept.Any(o => !ReferenceEquals(o, k) && IndexRedundancyRules.Covers(o.Index, k.Index) is not null)).ToList();
    }

    private static Candidate? PlainTwin(Candidate covering, List<Candidate> open, Dictionary<Candidate, Measurement> measured)
    {
        if (covering.Index.IncludeColumns.Count == 0)
        {
            return null;
        }

        var plain = (covering.Index with { IncludeColumns = [] }).ToString();
        return open.FirstOrDefault(c => c.Table == covering.Table && c.Index.ToString() == plain && measured[c].Costs.Count > 0);
    }

    private async Task<Measurement> MeasureAsync(Candidate candidate, CancellationToken cancellationToken)
    {
        uint oid;
        string name;
        try
        {
            (oid, name) = await _session.CreateHypotheticalAsync(Sql(candidate), cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.InvalidObjectDefinition or PostgresErrorCodes.FeatureNotSupported
                                              or PostgresErrorCodes.UndefinedFunction or PostgresErrorCodes.DatatypeMismatch or PostgresErrorCodes.UndefinedObject)
        {
            // An index PostgreSQL would not build either (an expression of a function that is not IMMUTABLE, a type
            // btree cannot order): it serves nothing.
            return new Measurement(new Dictionary<PlannedStatement, double>());
        }

        try
        {
            var costs = new Dictionary<PlannedStatement, double>();
            foreach (var statement in _planned.Where(p => p.Tables.Contains(candidate.Table)))
            {
                var plan = await _session.ReplanAsync(statement, cancellationToken).ConfigureAwait(false);
                if (plan.Descendants().Any(n => n.IndexName == name))
                {
                    costs[statement] = plan.TotalCost;
                    var cut = _current[statement] <= 0 ? 0 : 1 - (plan.TotalCost / _current[statement]);
                    _bestCut[statement] = Math.Max(_bestCut.GetValueOrDefault(statement, double.MinValue), cut);
                }
            }

            return new Measurement(costs);
        }
        finally
        {
            await _session.DropHypotheticalAsync(oid, cancellationToken).ConfigureAwait(false);
        }
    }

    // With only the kept indexes present (the narrow ones left out are dropped first), which statements use which.
    private async Task<Dictionary<Candidate, List<StatementEffect>>> FinalEffectsAsync(List<Candidate> kept, CancellationToken cancellationToken)
    {
        await _session.ResetHypotheticalAsync(cancellationToken).ConfigureAwait(false);
        var names = new Dictionary<string, Candidate>(StringComparer.Ordinal);
        foreach (var index in kept)
        {
            names[(await _session.CreateHypotheticalAsync(Sql(index), cancellationToken).ConfigureAwait(false)).Name] = index;
        }

        var effects = kept.ToDictionary(k => k, _ => new List<StatementEffect>());
        foreach (var statement in _planned.Where(p => kept.Any(k => p.Tables.Contains(k.Table))))
        {
            var plan = await _session.ReplanAsync(statement, cancellationToken).ConfigureAwait(false);
            foreach (var used in plan.Descendants().Select(n => n.IndexName).OfType<string>().Distinct().Where(names.ContainsKey))
            {
                effects[names[used]].Add(new StatementEffect(statement.Statement.Sql, statement.Statement.Calls, statement.Cost, plan.TotalCost));
            }
        }

        await _session.ResetHypotheticalAsync(cancellationToken).ConfigureAwait(false);
        return effects;
    }

    private static FoundIndex Found(
        Candidate candidate,
        List<StatementEffect> served,
        bool isVerified,
        List<IndexDefinition> existing,
        Dictionary<string, HashSet<string>> taken)
    {
        var (table, index) = candidate;
        if (!taken.TryGetValue(table.Schema, out var names))
        {
            taken[table.Schema] = names = new HashSet<string>(StringComparer.Ordinal);
        }

        var named = index with { Name = IndexNamer.Name(table, index, names) };
        // An index no statement can drop on its own (AllowRedundant: a partition's attached index, a unique index a
        // foreign key references, an exclusion constraint's) is never proposed for dropping.
        var replaces = existing.Where(e => !e.IsConstraint && !e.AllowRedundant && IndexRedundancyRules.Covers(named, e) is not null).ToList();
        return new FoundIndex(table, named, served, isVerified, replaces);
    }

    private UnhelpedStatement Reason(PlannedStatement statement, IReadOnlyList<Candidate> derived, Dictionary<PlannedStatement, string> coveredBy, AdviceRequest request)
    {
        var used = statement.Plan.Descendants().Select(n => n.IndexName).OfType<string>().Distinct().ToList();
        var (reason, detail) = derived.Count == 0
            ? (UnhelpedReason.AlreadyOptimal, used.Count > 0 ? $"its plan reads through {string.Join(", ", used)}" : "its plan has no condition or order an index could serve")
            : _bestCut.TryGetValue(statement, out var cut)
                ? (UnhelpedReason.SequentialScanCheaper, $"the best index found cuts its cost by {Math.Max(0, cut):P0}, less than {request.MinCostReduction:P0}")
                : coveredBy.TryGetValue(statement, out var cover)
                    ? used.Contains(cover)
                        ? (UnhelpedReason.AlreadyOptimal, $"its plan reads through {string.Join(", ", used)}")
                        : (UnhelpedReason.ServedByExistingIndex, $"{cover} already serves what an index for it would; the planner prefers its current plan")
                    : (UnhelpedReason.SequentialScanCheaper, "the planner uses none of the indexes derived from it");
        return new UnhelpedStatement(statement.Statement.Sql, statement.Statement.Calls, reason, detail);
    }

    // HypoPG parses this itself; it sees the same identifiers as the final statement, quoted the simplest safe way.
    private static string Sql(Candidate candidate) => IndexSql.Hypothetical(candidate.Table, candidate.Index, SqlQuoter.QuoteAlways);
}
