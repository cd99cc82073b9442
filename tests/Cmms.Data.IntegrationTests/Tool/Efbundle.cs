using Cmms.Data.IntegrationTests.Infrastructure;

namespace Cmms.Data.IntegrationTests.Tool;

/// <summary>
///     The efbundle of the Cmms.Data migrations (<c>dotnet ef migrations bundle … -r linux-x64 --self-contained</c>), built
///     once per test run: <c>.ci/run</c> builds it and names it in <c>CMMS_EFBUNDLE</c>; without that, the first test that
///     needs it builds it into <c>artifacts/efbundle</c> (minutes on two cores).
/// </summary>
internal static class Efbundle
{
    public const string PathVariable = "CMMS_EFBUNDLE";

    private static readonly Lazy<Task<string>> Built = new(BuildAsync);

    public static Task<string> PathAsync() => Built.Value;

    private static async Task<string> BuildAsync()
    {
        if (Environment.GetEnvironmentVariable(PathVariable) is { Length: > 0 } given)
        {
            File.Exists(given).Should().BeTrue($"{PathVariable} names {given}");
            return given;
        }

        var repository = Repository.Root;
        var path = Path.Combine(repository, "artifacts", "efbundle");
        var restore = await ChildProcess.RunAsync("dotnet", ["tool", "restore"], workingDirectory: repository);
        restore.ExitCode.Should().Be(0, restore.Output);
        var bundle = await ChildProcess.RunAsync(
            "dotnet",
            ["ef", "migrations", "bundle", "--project", "migrations/Cmms.Data.Migrations", "--startup-project", "migrations/Cmms.Data.Migrations",
                "-r", "linux-x64", "--self-contained", "--force", "-o", path],
            new Dictionary<string, string> { ["CMMS_DB_CONNECTION"] = string.Empty },
            repository,
            TimeSpan.FromMinutes(20));
        bundle.ExitCode.Should().Be(0, bundle.Output);
        return path;
    }
}
