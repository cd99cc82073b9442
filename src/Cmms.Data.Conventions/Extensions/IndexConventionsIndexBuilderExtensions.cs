using Cmms.Data.Conventions.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

// ReSharper disable once CheckNamespace
namespace Microsoft.EntityFrameworkCore;

/// <summary>
///     Fluent API of the Cmms.Data index conventions on <see cref="IndexBuilder" />, <see cref="IndexBuilder{T}" /> and
///     <see cref="IConventionIndexBuilder" />. The metadata they set is read and written by
///     <see cref="IndexConventionsIndexExtensions" />.
/// </summary>
public static class IndexConventionsIndexBuilderExtensions
{
    /// <summary>
    ///     Keeps this index even when the index conventions find that a key or another index covers it. Use it for
    ///     the rare index that is redundant on paper but wanted anyway, and say why in a comment.
    /// </summary>
    /// <remarks>
    ///     A redundant index still costs work on every write and space on disk; see
    ///     https://www.postgresql.org/docs/current/indexes-multicolumn.html for when a multicolumn index serves the
    ///     queries of its leading prefix.
    /// </remarks>
    /// <param name="indexBuilder">The builder for the index being configured.</param>
    /// <param name="allowRedundant">Whether to keep the index when redundant.</param>
    /// <returns>The same builder instance so that multiple calls can be chained.</returns>
    public static IndexBuilder AllowRedundant(this IndexBuilder indexBuilder, bool allowRedundant = true)
    {
        ArgumentNullException.ThrowIfNull(indexBuilder);

        indexBuilder.Metadata.SetAllowRedundant(allowRedundant);
        return indexBuilder;
    }

    /// <inheritdoc cref="AllowRedundant(IndexBuilder, bool)" />
    public static IndexBuilder<TEntity> AllowRedundant<TEntity>(this IndexBuilder<TEntity> indexBuilder, bool allowRedundant = true)
        => (IndexBuilder<TEntity>)AllowRedundant((IndexBuilder)indexBuilder, allowRedundant);

    /// <summary>
    ///     Keeps this index even when the index conventions find that a key or another index covers it, unless a
    ///     configuration of higher precedence decided otherwise.
    /// </summary>
    /// <param name="indexBuilder">The builder for the index being configured.</param>
    /// <param name="allowRedundant">Whether to keep the index when redundant; <see langword="null" /> removes the setting.</param>
    /// <param name="fromDataAnnotation">Whether the configuration was specified using a data annotation.</param>
    /// <returns>The same builder instance if the configuration was applied, <see langword="null" /> otherwise.</returns>
    public static IConventionIndexBuilder? AllowRedundant(
        this IConventionIndexBuilder indexBuilder,
        bool? allowRedundant,
        bool fromDataAnnotation = false)
    {
        ArgumentNullException.ThrowIfNull(indexBuilder);

        if (!indexBuilder.CanSetAllowRedundant(allowRedundant, fromDataAnnotation))
        {
            return null;
        }

        indexBuilder.Metadata.SetAllowRedundant(allowRedundant, fromDataAnnotation);
        return indexBuilder;
    }

    /// <summary>Returns whether <c>AllowRedundant</c> can be set for the index from the given configuration source.</summary>
    /// <param name="indexBuilder">The builder for the index being configured.</param>
    /// <param name="allowRedundant">Whether to keep the index when redundant.</param>
    /// <param name="fromDataAnnotation">Whether the configuration was specified using a data annotation.</param>
    /// <returns><see langword="true" /> if the setting can be applied.</returns>
    public static bool CanSetAllowRedundant(
        this IConventionIndexBuilder indexBuilder,
        bool? allowRedundant,
        bool fromDataAnnotation = false)
    {
        ArgumentNullException.ThrowIfNull(indexBuilder);

        return indexBuilder.CanSetAnnotation(CmmsAnnotationNames.AllowRedundant, allowRedundant, fromDataAnnotation);
    }
}
