namespace Cmms.Data.Bench.Schemas;

/// <summary>The three schemas the benchmark compares, all with the same tables, keys and data.</summary>
internal enum BenchSchema
{
    /// <summary>(a) Keys only: primary keys, unique constraints and unique indexes, and foreign keys.</summary>
    Unindexed,

    /// <summary>(b) Every declared index, none pruned, with EF Core's own foreign-key index convention.</summary>
    AsDeclared,

    /// <summary>(c) The Cmms.Data migrations: the index set the conventions derive.</summary>
    CmmsData,
}

/// <summary>Names of the schemas in reports.</summary>
internal static class BenchSchemaNames
{
    public static IReadOnlyList<BenchSchema> All { get; } = [BenchSchema.Unindexed, BenchSchema.AsDeclared, BenchSchema.CmmsData];

    /// <summary>The short label: (a), (b), (c).</summary>
    public static string Label(this BenchSchema schema) => schema switch
    {
        BenchSchema.Unindexed => "(a)",
        BenchSchema.AsDeclared => "(b)",
        _ => "(c)",
    };

    /// <summary>The machine-readable key used in results.json.</summary>
    public static string Key(this BenchSchema schema) => schema switch
    {
        BenchSchema.Unindexed => "unindexed",
        BenchSchema.AsDeclared => "asDeclared",
        _ => "cmmsData",
    };

    public static string Title(this BenchSchema schema) => schema switch
    {
        BenchSchema.Unindexed => "(a) unindexed",
        BenchSchema.AsDeclared => "(b) as declared",
        _ => "(c) Cmms.Data",
    };
}
