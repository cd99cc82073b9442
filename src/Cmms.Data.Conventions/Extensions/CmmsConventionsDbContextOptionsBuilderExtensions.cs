using Cmms.Data.Conventions;
using Cmms.Data.Conventions.Internal;
using Microsoft.EntityFrameworkCore.Infrastructure;

// Placed in EF Core's namespace so no extra using is needed, as EF Core's own providers do.
// ReSharper disable once CheckNamespace
namespace Microsoft.EntityFrameworkCore;

/// <summary>
///     Switches the Cmms.Data conventions on for a <see cref="DbContext" />.
/// </summary>
public static class CmmsConventionsDbContextOptionsBuilderExtensions
{
    /// <summary>
    ///     Derives the minimal correct index set from the model's declarations before any SQL is generated: indexes
    ///     that duplicate a key, a unique constraint or another index, or are a leading prefix of another index, are
    ///     removed (see <see cref="IndexConventionsOptionsBuilder.RedundantIndexes" />), and every foreign key gets a
    ///     usable index, decided when the model is finalized (when filters, methods and sort orders are final).
    /// </summary>
    /// <remarks>
    ///     Replaces EF Core's <c>ForeignKeyIndexConvention</c>, which decides at <c>HasIndex</c> time and so lets a
    ///     partial or GIN index suppress a foreign key's index (dotnet/efcore#24237). The pruned indexes are listed by
    ///     <see cref="IndexConventionsModelExtensions.GetPrunedIndexes" /> on the design-time model.
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

    /// <summary>
    ///     Names tables, columns, keys, foreign keys and indexes in snake_case (<c>UserActivityLogs</c> becomes
    ///     <c>user_activity_logs</c>, <c>PK_Users</c> becomes <c>pk_users</c>), following the rules of
    ///     EFCore.NamingConventions' <c>UseSnakeCaseNamingConvention</c>. Names configured explicitly are kept as written.
    /// </summary>
    /// <param name="optionsBuilder">The options builder.</param>
    /// <returns>The same options builder, for chaining.</returns>
    public static DbContextOptionsBuilder UseSnakeCaseNamingConvention(this DbContextOptionsBuilder optionsBuilder)
    {
        ArgumentNullException.ThrowIfNull(optionsBuilder);

        ((IDbContextOptionsBuilderInfrastructure)optionsBuilder).AddOrUpdateExtension(
            GetOrCreateExtension(optionsBuilder).WithSnakeCaseNames());
        return optionsBuilder;
    }

    /// <inheritdoc cref="UseSnakeCaseNamingConvention(DbContextOptionsBuilder)" />
    public static DbContextOptionsBuilder<TContext> UseSnakeCaseNamingConvention<TContext>(
        this DbContextOptionsBuilder<TContext> optionsBuilder)
        where TContext : DbContext
        => (DbContextOptionsBuilder<TContext>)UseSnakeCaseNamingConvention((DbContextOptionsBuilder)optionsBuilder);

    private static CmmsConventionsOptionsExtension GetOrCreateExtension(DbContextOptionsBuilder optionsBuilder)
        => optionsBuilder.Options.FindExtension<CmmsConventionsOptionsExtension>() ?? new CmmsConventionsOptionsExtension();
}
