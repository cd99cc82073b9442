using Cmms.Data.Bench.Schemas;
using Cmms.Data.Bench.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace Cmms.Data.Bench.Plans;

/// <summary>Explains every catalog query on a loaded Cmms.Data database and checks it reads its expected index.</summary>
internal static class PlanVerifier
{
    /// <summary>
    ///     The smallest scale at which every catalog query is expected on its index. Measured with the default seed
    ///     (2026-12-01, PostgreSQL 15): queries on another plan at scale 0.01: 9 of 25 (sequential scans of tables of a
    ///     few pages), 0.02: 5, 0.03: 3, 0.05: 1, 0.06: 0, 0.07: 2 and 0.08: 3 (an equally cheap neighbouring index, or
    ///     a scan of machines), 0.09: 0, 0.1: 0, 1.0: 0. Below 0.1 the verdicts flip with the data, not the indexes.
    /// </summary>
    public const double MinimumScale = 0.1;

    /// <summary>The catalog's index names mapped to the survivors of pruning, from the Cmms.Data model.</summary>
    public static ExpectedIndexes ExpectedIndexes()
    {
        using var context = CmmsContexts.Create(CmmsContexts.ModelOnlyConnection);
        return new ExpectedIndexes(context.GetService<IDesignTimeModel>().Model.GetPrunedIndexes());
    }

    public static async Task<IReadOnlyList<PlanCheck>> VerifyAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var expected = ExpectedIndexes();
        var checks = new List<PlanCheck>();
        foreach (var query in QueryCatalog.All)
        {
            var parameters = await QueryRunner.PickParametersAsync(connection, query, cancellationToken).ConfigureAwait(false);
            var plan = await QueryRunner.ExplainAsync(connection, query, parameters, timing: true, cancellationToken).ConfigureAwait(false);
            checks.Add(new PlanCheck(query, expected.For(query), parameters, plan));
        }

        return checks;
    }
}
