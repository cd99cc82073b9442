using System.Diagnostics;
using Cmms.Data.Analysis.Catalog;
using Cmms.Data.Analysis.Model;
using Cmms.Data.Conventions.Rules;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace Cmms.Data.Analysis.Advice;

/// <summary>
///     Index advice from a database's real workload: plans each statement, derives the indexes its plan asks for,
///     measures each with a HypoPG hypothetical index, keeps those that cut the workload's cost enough (greedily, the
///     largest cut first, so one composite serving several statements beats several narrow ones), and passes every
///     proposal through the redundancy rules against the existing indexes and keys. Never writes to the database.
/// </summary>
/// <remarks>Method after Dexter (ankane/dexter) and HypoPG (https://hypopg.readthedocs.io/).</remarks>
public static class IndexAdvisor
{
    /// <summary>Advises on the workload of the database behind <paramref name="dataSource" />.</summary>
    /// <param name="dataSource">The database; one connection is used, read-only.</param>
    /// <param name="request">The statements (or <see langword="null" /> for <c>pg_stat_statements</c>) and the thresholds.</param>
    /// <param name="cancellationToken">Cancels the advice.</param>
    /// <returns>The proposals and the statements no proposal serves.</returns>
    /// <exception cref="AdviceException">No HypoPG, no <c>pg_stat_statements</c>, or no statement to advise on.</exception>
    public static async Task<AdviceReport> AdviseAsync(NpgsqlDataSource dataSource, AdviceRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(request);

        var watch = Stopwatch.StartNew();
        await using var session = await AdvisorSession.OpenAsync(dataSource, cancellationToken).ConfigureAwait(false);

        // Building the EF Core model is the one CPU-heavy step; it runs while the server plans the statements. The
        // design-time model keeps the conventions' results and the table/column mapping proposals are written against.
        var model = MigratedModel.ReadAsync(
            new CatalogReader(dataSource).ReadHistoryAsync,
            request.ModelContext,
            request.ModelCheck,
            context => context.GetService<IDesignTimeModel>().Model,
            cancellationToken);
        var unhelped = new List<UnhelpedStatement>();
        List<WorkloadStatement> statements;
        if (request.Statements is { } given)
        {
            // Anything that is not a known command goes to the server, which says whether it parses.
            statements = given.Where(s => !s.IsCommand).ToList();
            unhelped.AddRange(given.Where(s => s.IsCommand).Select(s => new UnhelpedStatement(s.Sql, s.Calls, UnhelpedReason.NotAQuery, "only queries are advised")));
        }
        else
        {
            var (queries, hidden) = await StatStatementsReader.ReadAsync(session.Connection, request, cancellationToken).ConfigureAwait(false);
            statements = queries;
            unhelped.AddRange(hidden);
        }

        if (statements.Count == 0 && unhelped.Count == 0)
        {
            throw new AdviceException(request.Statements is null
                ? $"pg_stat_statements of database {session.Database} holds no query above the thresholds (--min-calls {request.MinCalls}, --min-mean-ms {request.MinMeanMs}): run the workload first, or lower them."
                : "The file holds no statement.");
        }

        var planned = new List<PlannedStatement>();
        foreach (var statement in statements)
        {
            if (request.Statements is null && planned.Count(p => p.Tables.Count > 0) >= request.Top)
            {
                break;
            }

            var (ok, failure) = await session.PlanAsync(statement, cancellationToken).ConfigureAwait(false);
            if (ok is not null)
            {
                planned.Add(ok);
            }
            else
            {
                unhelped.Add(failure!);
            }
        }

        var search = await WorkloadSearch.RunAsync(session, planned, request, cancellationToken).ConfigureAwait(false);
        unhelped.AddRange(search.Unhelped);
        var proposals = await RenderAsync(session, search.Proposals, (await model.ConfigureAwait(false)).Model, cancellationToken).ConfigureAwait(false);
        return new AdviceReport(
            session.Database,
            request.Statements is null ? "pg_stat_statements" : "file",
            proposals.OrderByDescending(p => p.IsVerified).ThenByDescending(p => p.WeightedCostSaved).ThenBy(p => p.Definition.Name, StringComparer.Ordinal).ToList(),
            unhelped,
            planned.Count,
            search.CatalogOnly,
            watch.Elapsed);
    }

    private static async Task<List<IndexProposal>> RenderAsync(
        AdvisorSession session,
        IReadOnlyList<FoundIndex> found,
        IReadOnlyModel? model,
        CancellationToken cancellationToken)
    {
        var identifiers = found.SelectMany(f => IndexSql.Identifiers(f.Table, f.Definition).Concat(f.Replaces.Select(r => r.Name)));
        var quoted = await session.QuoteAsync(identifiers, cancellationToken).ConfigureAwait(false);
        string Quote(string identifier) => quoted[identifier];

        return found.Select(f =>
        {
            var createSql = IndexSql.Create(f.Table, f.Definition, Quote);
            var (code, entityType) = EfIndexCode.Render(f.Table, f.Definition, model, createSql);
            return new IndexProposal
            {
                Definition = f.Definition,
                Schema = f.Table.Schema,
                TableName = f.Table.Name,
                Statements = f.Effects.OrderByDescending(e => e.Calls * e.CostBefore).ToList(),
                IsVerified = f.IsVerified,
                EfCoreCode = code,
                EntityType = entityType,
                CreateSql = createSql,
                Replaces = f.Replaces.Select(r => new IndexDrop(r.Name, IndexSql.Drop(f.Table, r.Name, Quote))).ToList(),
            };
        }).ToList();
    }
}
