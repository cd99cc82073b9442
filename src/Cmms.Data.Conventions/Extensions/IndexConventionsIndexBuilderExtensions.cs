using Cmms.Data.Conventions.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

// ReSharper disable once CheckNamespace
namespace Microsoft.EntityFrameworkCore;

/// <summary>
///     Fluent API of the Cmms.Data index conventions on <see cref="IndexBuilder" />.
/// </summary>
public static class IndexConventionsIndexBuilderExtensions
{
    /// <summary>
    ///     Keeps this index even when the index conventions find that a key or another index covers it. Use it for
    ///     the rare index that is redundant on paper but wanted anyway, and say why in a comment.
    /// </summary>
    /// <param name="indexBuilder">The index builder.</param>
    /// <param name="allowRedundant">Whether to keep the index when redundant.</param>
    /// <returns>The same builder, for chaining.</returns>
    public static IndexBuilder AllowRedundant(this IndexBuilder indexBuilder, bool allowRedundant = true)
    {
        ArgumentNullException.ThrowIfNull(indexBuilder);

        indexBuilder.Metadata.SetAnnotation(CmmsAnnotationNames.AllowRedundant, allowRedundant);
        return indexBuilder;
    }

    /// <inheritdoc cref="AllowRedundant(IndexBuilder, bool)" />
    public static IndexBuilder<TEntity> AllowRedundant<TEntity>(this IndexBuilder<TEntity> indexBuilder, bool allowRedundant = true)
        => (IndexBuilder<TEntity>)AllowRedundant((IndexBuilder)indexBuilder, allowRedundant);
}
