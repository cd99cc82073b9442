using Cmms.Data.Conventions;

namespace Cmms.Data.Bench.Catalog;

/// <summary>
///     Maps the index a catalog query names to the index that serves it after pruning: the name itself when the
///     conventions kept it, else the index or key that covers it (<see cref="PrunedIndex.CoveredBy" />).
/// </summary>
internal sealed class ExpectedIndexes(IReadOnlyList<PrunedIndex> pruned)
{
    public string For(CatalogQuery query)
    {
        var name = query.ServedBy;
        // A pruned index may be covered by another pruned one; follow the chain to the survivor.
        for (var hops = 0; hops < 8 && pruned.FirstOrDefault(p => p.Name == name) is { } covered; hops++)
        {
            name = covered.CoveredBy;
        }

        return name;
    }
}
