namespace Cmms.Data.Bench.Benchmarks;

/// <summary>The environment variables cmms-bench reads, and passes on to the processes it times.</summary>
internal static class BenchEnvironment
{
    /// <summary>The connection string cmms-db, dotnet ef (the design-time factory), efbundle and cmms-bench read.</summary>
    public const string ConnectionVariable = "CMMS_DB_CONNECTION";

    /// <summary>The efbundle <c>.ci/run</c> builds (and the tests run).</summary>
    public const string EfbundleVariable = "CMMS_EFBUNDLE";
}
