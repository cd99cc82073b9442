using Cmms.Data.Conventions.Metadata;
using Microsoft.EntityFrameworkCore.Metadata;

// ReSharper disable once CheckNamespace
namespace Microsoft.EntityFrameworkCore;

/// <summary>
///     Metadata of the Cmms.Data index conventions on indexes.
/// </summary>
public static class IndexConventionsIndexExtensions
{
    /// <summary>Whether the index is kept even when redundant (see <c>AllowRedundant()</c>).</summary>
    /// <param name="index">The index.</param>
    /// <returns><see langword="true" /> when the index opted out of redundancy pruning.</returns>
    public static bool IsRedundancyAllowed(this IReadOnlyIndex index)
    {
        ArgumentNullException.ThrowIfNull(index);

        return index.FindAnnotation(CmmsAnnotationNames.AllowRedundant)?.Value is true;
    }

    /// <summary>Sets whether the index is kept even when redundant.</summary>
    /// <param name="index">The index.</param>
    /// <param name="allowRedundant">Whether to keep it.</param>
    public static void SetAllowRedundant(this IMutableIndex index, bool allowRedundant)
    {
        ArgumentNullException.ThrowIfNull(index);

        index.SetAnnotation(CmmsAnnotationNames.AllowRedundant, allowRedundant);
    }
}
