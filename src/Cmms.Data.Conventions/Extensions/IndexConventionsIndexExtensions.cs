using Cmms.Data.Conventions.Metadata;
using Microsoft.EntityFrameworkCore.Metadata;

// ReSharper disable once CheckNamespace
namespace Microsoft.EntityFrameworkCore;

/// <summary>
///     Metadata of the Cmms.Data index conventions on <see cref="IReadOnlyIndex" />, <see cref="IMutableIndex" /> and
///     <see cref="IConventionIndex" />; the fluent API that sets it is <see cref="IndexConventionsIndexBuilderExtensions" />.
/// </summary>
public static class IndexConventionsIndexExtensions
{
    /// <summary>Returns whether the index is kept even when the index conventions find it redundant.</summary>
    /// <param name="index">The index.</param>
    /// <returns><see langword="true" /> when the index opted out of redundancy pruning.</returns>
    public static bool GetAllowRedundant(this IReadOnlyIndex index)
    {
        ArgumentNullException.ThrowIfNull(index);

        return index[CmmsAnnotationNames.AllowRedundant] is true;
    }

    /// <summary>Sets whether the index is kept even when the index conventions find it redundant.</summary>
    /// <param name="index">The index.</param>
    /// <param name="allowRedundant">Whether to keep it; <see langword="null" /> removes the setting.</param>
    public static void SetAllowRedundant(this IMutableIndex index, bool? allowRedundant)
    {
        ArgumentNullException.ThrowIfNull(index);

        index.SetOrRemoveAnnotation(CmmsAnnotationNames.AllowRedundant, allowRedundant);
    }

    /// <summary>Sets whether the index is kept even when the index conventions find it redundant.</summary>
    /// <param name="index">The index.</param>
    /// <param name="allowRedundant">Whether to keep it; <see langword="null" /> removes the setting.</param>
    /// <param name="fromDataAnnotation">Whether the configuration was specified using a data annotation.</param>
    /// <returns>The configured value.</returns>
    public static bool? SetAllowRedundant(this IConventionIndex index, bool? allowRedundant, bool fromDataAnnotation = false)
    {
        ArgumentNullException.ThrowIfNull(index);

        return (bool?)index.SetOrRemoveAnnotation(CmmsAnnotationNames.AllowRedundant, allowRedundant, fromDataAnnotation)?.Value;
    }

    /// <summary>Returns the configuration source of the index's <c>AllowRedundant</c> setting.</summary>
    /// <param name="index">The index.</param>
    /// <returns>The configuration source, or <see langword="null" /> when it is not set.</returns>
    public static ConfigurationSource? GetAllowRedundantConfigurationSource(this IConventionIndex index)
    {
        ArgumentNullException.ThrowIfNull(index);

        return index.FindAnnotation(CmmsAnnotationNames.AllowRedundant)?.GetConfigurationSource();
    }
}
