using Cmms.Data.Conventions.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Cmms.Data.Conventions.Indexes;

/// <summary>
///     What the database provider in use builds of an index's declaration. Npgsql keeps its index features (method,
///     INCLUDE, operator classes, ...) in annotations that only Npgsql's migrations SQL generator reads; another provider
///     builds the index without them, so the rules must judge it without them and the user must be told.
/// </summary>
/// <param name="Provider">The provider's display name, for messages.</param>
/// <param name="Unsupported">The features this provider does not build.</param>
internal sealed record IndexCapabilities(string Provider, IReadOnlySet<UnsupportedIndexFeature> Unsupported)
{
    /// <summary>The EF Core provider name (<c>IDatabaseProvider.Name</c>, the provider's assembly name) of SQLite.</summary>
    public const string SqliteProviderName = "Microsoft.EntityFrameworkCore.Sqlite";

    /// <summary>PostgreSQL builds every feature the rules know.</summary>
    public static IndexCapabilities PostgreSql { get; } = new("PostgreSQL", new HashSet<UnsupportedIndexFeature>());

    /// <summary>
    ///     SQLite's <c>CREATE INDEX</c> has partial indexes, DESC columns, expressions, COLLATE and UNIQUE, but no INCLUDE,
    ///     access methods, operator classes, NULLS FIRST/LAST or NULLS NOT DISTINCT (https://sqlite.org/lang_createindex.html);
    ///     EF Core's SQLite generator never emits Npgsql's collation or tsvector annotations.
    /// </summary>
    public static IndexCapabilities Sqlite { get; } = new("SQLite", Enum.GetValues<UnsupportedIndexFeature>().ToHashSet());

    /// <summary>
    ///     The capabilities of the provider named <paramref name="providerName" />. Providers the rules do not know keep
    ///     PostgreSQL's semantics, as before SQLite was supported.
    /// </summary>
    public static IndexCapabilities For(string providerName)
        => providerName == SqliteProviderName ? Sqlite : PostgreSql;

    public bool Builds(UnsupportedIndexFeature feature) => !Unsupported.Contains(feature);

    /// <summary>
    ///     The features <paramref name="index" /> declares that this provider does not build, each with the declaration
    ///     as PostgreSQL would build it.
    /// </summary>
    public IEnumerable<(UnsupportedIndexFeature Feature, string Declared)> UnsupportedFeaturesOf(IReadOnlyIndex index, StoreObjectIdentifier table)
    {
        var declared = IndexDescriber.Describe(index, table, tableName: string.Empty, PostgreSql);
        var features = new (UnsupportedIndexFeature Feature, string? Declared)[]
        {
            (UnsupportedIndexFeature.IncludeColumns, declared.IncludeColumns.Count > 0 ? $"INCLUDE ({string.Join(", ", declared.IncludeColumns)})" : null),
            (UnsupportedIndexFeature.Method, declared.Method.Equals("btree", StringComparison.OrdinalIgnoreCase) ? null : $"USING {declared.Method}"),
            (UnsupportedIndexFeature.OperatorClasses, Listed(declared, c => c.OperatorClass is { } op ? $"{c.Name} {op}" : null)),
            (UnsupportedIndexFeature.NullsNotDistinct, declared.NullsNotDistinct ? "NULLS NOT DISTINCT" : null),
            (UnsupportedIndexFeature.NullSortOrder, Listed(declared, c => c.NullsFirst is { } first ? $"{c.Name} NULLS {(first ? "FIRST" : "LAST")}" : null)),
            (UnsupportedIndexFeature.Collation, Listed(declared, c => c.Collation is { } collation ? $"{c.Name} COLLATE {collation}" : null)),
            (UnsupportedIndexFeature.FullText, declared.KeyColumns is [{ IsExpression: true } expression] ? expression.Name : null),
        };
        return features
            .Where(f => f.Declared is not null && !Builds(f.Feature))
            .Select(f => (f.Feature, f.Declared!));
    }

    private static string? Listed(Rules.IndexDefinition declared, Func<Rules.IndexKeyColumn, string?> describe)
        => declared.KeyColumns.Select(describe).OfType<string>().ToList() is { Count: > 0 } listed ? string.Join(", ", listed) : null;
}
