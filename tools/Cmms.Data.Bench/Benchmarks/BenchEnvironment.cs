namespace Cmms.Data.Bench.Benchmarks;

/// <summary>The environment variable cmms-db, dotnet ef (the design-time factory) and cmms-bench read the connection string from.</summary>
internal static class BenchEnvironment
{
    public const string ConnectionVariable = "CMMS_DB_CONNECTION";
}
