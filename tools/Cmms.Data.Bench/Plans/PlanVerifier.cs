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
