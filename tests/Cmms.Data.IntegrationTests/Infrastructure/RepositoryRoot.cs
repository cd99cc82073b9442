namespace Cmms.Data.IntegrationTests.Infrastructure;

/// <summary>The repository the tests run from, for tests that run dotnet ef on its projects.</summary>
internal static class RepositoryRoot
{
    public static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Cmms.Data.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The test does not run from inside the repository: Cmms.Data.sln was not found above " + AppContext.BaseDirectory);
    }
}
