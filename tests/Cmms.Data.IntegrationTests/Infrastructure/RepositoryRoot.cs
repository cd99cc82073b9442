namespace Cmms.Data.IntegrationTests.Infrastructure;

/// <summary>The repository the tests run from: the directory above the test binaries that holds <c>Cmms.Data.sln</c>.</summary>
internal static class RepositoryRoot
{
    private static readonly Lazy<string> LazyPath = new(Find);

    /// <summary>The repository's root directory.</summary>
    /// <exception cref="InvalidOperationException">The tests do not run from inside the repository.</exception>
    public static string Path => LazyPath.Value;

    /// <summary>A file or directory of the repository, from its path relative to the root.</summary>
    public static string File(params string[] relative) => System.IO.Path.Combine([Path, .. relative]);

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (System.IO.File.Exists(System.IO.Path.Combine(directory.FullName, "Cmms.Data.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The tests do not run from inside the repository: Cmms.Data.sln was not found above " + AppContext.BaseDirectory);
    }
}
