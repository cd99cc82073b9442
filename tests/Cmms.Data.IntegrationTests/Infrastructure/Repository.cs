namespace Cmms.Data.IntegrationTests.Infrastructure;

/// <summary>The repository this test run was built from, and the <c>dotnet</c> commands run in it.</summary>
internal static class Repository
{
    /// <summary>The directory holding <c>Cmms.Data.sln</c>.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>A file or directory of the repository, from its path relative to the root.</summary>
    public static string File(params string[] relative) => Path.Combine([Root, .. relative]);

    /// <summary>The build configuration the tests run from (Release in CI), for <c>--configuration</c>.</summary>
    public static string Configuration { get; } =
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            ? "Release"
            : "Debug";

    /// <summary>Runs <c>dotnet</c> with <paramref name="arguments" /> in <paramref name="workingDirectory" />.</summary>
    public static Task<(int ExitCode, string Output)> DotnetAsync(
        string workingDirectory,
        IReadOnlyDictionary<string, string>? environment,
        params string[] arguments)
        => ChildProcess.RunAsync("dotnet", arguments, environment, workingDirectory);

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (System.IO.File.Exists(Path.Combine(directory.FullName, "Cmms.Data.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The test does not run from inside the repository: Cmms.Data.sln was not found above " + AppContext.BaseDirectory);
    }
}
