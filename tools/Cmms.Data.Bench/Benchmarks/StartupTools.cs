namespace Cmms.Data.Bench.Benchmarks;

/// <summary>The executables the start-up scenario times, where this machine has them.</summary>
/// <param name="CmmsDb">The cmms-db executable.</param>
/// <param name="MigrationsProject">The migrations project dotnet ef runs against.</param>
/// <param name="Efbundle">An efbundle of the same migrations, if one was built.</param>
internal sealed record StartupTools(FileInfo? CmmsDb, FileInfo? MigrationsProject, FileInfo? Efbundle)
{
    /// <summary>Where <c>.ci/run</c> writes the efbundle, under the repository root.</summary>
    public static readonly string BuiltEfbundle = Path.Combine("artifacts", "efbundle");

    /// <summary>The efbundle named in <c>CMMS_EFBUNDLE</c>, else the one <c>.ci/run</c> built under the current directory, else none.</summary>
    public static FileInfo? FindEfbundle()
        => Environment.GetEnvironmentVariable(BenchEnvironment.EfbundleVariable) is { Length: > 0 } named
            ? new FileInfo(named)
            : File.Exists(BuiltEfbundle) ? new FileInfo(BuiltEfbundle) : null;
}
