namespace Cmms.Data.Bench.Benchmarks;

/// <summary>The executables the start-up scenario times, where this machine has them.</summary>
/// <param name="CmmsDb">The cmms-db executable.</param>
/// <param name="MigrationsProject">The migrations project dotnet ef runs against.</param>
/// <param name="Efbundle">An efbundle of the same migrations, if one was built.</param>
internal sealed record StartupTools(FileInfo? CmmsDb, FileInfo? MigrationsProject, FileInfo? Efbundle);
