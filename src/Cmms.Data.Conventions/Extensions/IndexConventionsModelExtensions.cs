using Cmms.Data.Conventions;
using Cmms.Data.Conventions.Metadata;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

// ReSharper disable once CheckNamespace
namespace Microsoft.EntityFrameworkCore;

/// <summary>
///     Results of the Cmms.Data index conventions on a model.
/// </summary>
public static class IndexConventionsModelExtensions
{
    /// <summary>
    ///     The indexes the index conventions left out of the model: declared indexes a key or another index makes
    ///     redundant, and foreign key indexes that were not created because an index already serves the foreign key.
    /// </summary>
    /// <remarks>
    ///     Available on the design-time model (<c>context.GetService&lt;IDesignTimeModel&gt;().Model</c>) of a context
    ///     using <c>UseIndexConventions()</c>; empty otherwise. Ordered by table, then name.
    /// </remarks>
    /// <param name="model">The finalized model.</param>
    /// <returns>The pruned indexes.</returns>
    public static IReadOnlyList<PrunedIndex> GetPrunedIndexes(this IReadOnlyModel model)
    {
        ArgumentNullException.ThrowIfNull(model);

        return (model as IAnnotatable)?.FindRuntimeAnnotationValue(CmmsAnnotationNames.PrunedIndexes)
            as IReadOnlyList<PrunedIndex> ?? [];
    }
}
