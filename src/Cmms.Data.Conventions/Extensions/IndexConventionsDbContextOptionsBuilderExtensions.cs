using Cmms.Data.Conventions;
using Cmms.Data.Conventions.Internal;
using Microsoft.EntityFrameworkCore.Infrastructure;

// Placed in EF Core's namespace so no extra using is needed, as EF Core's own providers do.
// ReSharper disable once CheckNamespace
namespace Microsoft.EntityFrameworkCore;

/// <summary>
///     Switches the Cmms.Data index conventions on for a <see cref="DbContext" />.
/// </summary>
public static class IndexConventionsDbContextOptionsBuilderExtensions
{
    /// <summary>
    ///     Derives the minimal correct index set from the model's declarations before any SQL is generated: indexes
    ///     that duplicate a key, a unique constraint or another index, or are a leading prefix of another index, are
    ///     removed (see <see cref="IndexConventionsOptionsBuilder.RedundantIndexes" />), and every foreign key gets a
    ///     usable index, decided when the model is finalized (when filters, methods and sort orders are final).
    /// </summary>
    /// <remarks>
    ///     <para>
    ///         Replaces EF Core's <c>ForeignKeyIndexConvention</c>, which decides at <c>HasIndex</c> time and so lets a
    ///         partial or GIN index suppress a foreign key's index (dotnet/efcore#24237). The pruned indexes are listed by
    ///         <see cref="IndexConventionsModelExtensions.GetPrunedIndexes" /> on the design-time model; each decision is
    ///         logged with a <see cref="Cmms.Data.Conventions.Diagnostics.CmmsEventId" /> that <c>ConfigureWarnings</c>
    ///         can throw on, ignore or log at another level.
    ///     </para>
    ///     <para>
    ///         A btree index serves queries on a leading prefix of its columns
    ///         (https://www.postgresql.org/docs/current/indexes-multicolumn.html); a partial index serves only queries
    ///         whose condition implies its predicate (https://www.postgresql.org/docs/current/indexes-partial.html),
    ///         which the scans behind a foreign key's cascades and checks do not.
    ///     </para>
    ///     <para>
    ///         Works on SQLite (<c>UseSqlite</c>) too: the provider is read from EF Core's <c>IDatabaseProvider</c>, and an
    ///         index feature SQLite does not build (INCLUDE, GIN/BRIN/hash, operator classes, NULLS NOT DISTINCT, ...) is
    ///         left out of the rules' view and logged as <see cref="Cmms.Data.Conventions.Diagnostics.CmmsEventId.UnsupportedIndexFeature" />.
    ///     </para>
    /// </remarks>
    /// <param name="optionsBuilder">The options builder.</param>
    /// <param name="configure">Optional configuration of the index conventions.</param>
    /// <returns>The same options builder, for chaining.</returns>
    public static DbContextOptionsBuilder UseIndexConventions(
        this DbContextOptionsBuilder optionsBuilder,
        Action<IndexConventionsOptionsBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(optionsBuilder);

        var builder = new IndexConventionsOptionsBuilder(GetOrCreateExtension(optionsBuilder).WithIndexConventions());
        configure?.Invoke(builder);
        ((IDbContextOptionsBuilderInfrastructure)optionsBuilder).AddOrUpdateExtension(builder.Extension);
        return optionsBuilder;
    }

    /// <inheritdoc cref="UseIndexConventions(DbContextOptionsBuilder, Action{IndexConventionsOptionsBuilder}?)" />
    public static DbContextOptionsBuilder<TContext> UseIndexConventions<TContext>(
        this DbContextOptionsBuilder<TContext> optionsBuilder,
        Action<IndexConventionsOptionsBuilder>? configure = null)
        where TContext : DbContext
        => (DbContextOptionsBuilder<TContext>)UseIndexConventions((DbContextOptionsBuilder)optionsBuilder, configure);

    private static CmmsConventionsOptionsExtension GetOrCreateExtension(DbContextOptionsBuilder optionsBuilder)
        => optionsBuilder.Options.FindExtension<CmmsConventionsOptionsExtension>() ?? new CmmsConventionsOptionsExtension();
}
