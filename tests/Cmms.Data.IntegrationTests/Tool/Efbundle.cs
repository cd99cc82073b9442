using Cmms.Data.IntegrationTests.Infrastructure;

namespace Cmms.Data.IntegrationTests.Tool;

/// <summary>
///     The efbundles the tests run, each built once per test run by <c>.ci/build-efbundle</c>, the one command line
///     every bundle of the repository is built with. The release bundle of the Cmms.Data migrations
///     (<c>-r linux-x64 --self-contained</c>): <c>.ci/run</c> builds it and names it in
///     <c>CMMS_EFBUNDLE</c>; without that, the first test that needs it builds it into <c>artifacts/efbundle</c> (minutes on
///     two cores). The bundle of the rewrite scenarios (tests/Cmms.Data.RewriteScenarios): framework-dependent and from
///     the build the tests run from (<c>--no-build</c>), about half a minute; it runs the same bundle host and the same
///     migrator, only without a runtime of its own.
/// </summary>
internal static class Efbundle
{
    public const string PathVariable = "CMMS_EFBUNDLE";

    private static readonly Lazy<Task<string>> Release = new(BuildReleaseAsync);

    private static readonly Lazy<Task<string>> Scenarios = new(() => BuildAsync(
        "tests/Cmms.Data.RewriteScenarios", "rewrite-scenarios-efbundle", ["--configuration", Repository.Configuration, "--no-build"]));

    /// <summary>The release bundle of the Cmms.Data migrations.</summary>
    public static Task<string> PathAsync() => Release.Value;

    /// <summary>The bundle of <c>RewriteScenariosContext</c>'s migrations.</summary>
    public static Task<string> RewriteScenariosPathAsync() => Scenarios.Value;

    private static Task<string> BuildReleaseAsync()
    {
        if (Environment.GetEnvironmentVariable(PathVariable) is { Length: > 0 } given)
        {
            File.Exists(given).Should().BeTrue($"{PathVariable} names {given}");
            return Task.FromResult(given);
        }

        return BuildAsync("migrations/Cmms.Data.Migrations", "efbundle", []);
    }

    // No options: the script's own, those of the release bundle.
    private static async Task<string> BuildAsync(string project, string name, IEnumerable<string> options)
    {
        var repository = Repository.Root;
        var path = Path.Combine(repository, "artifacts", name);
        var bundle = await ChildProcess.RunAsync(
            "bash",
            [Path.Combine(repository, ".ci", "build-efbundle"), path, project, .. options],
            workingDirectory: repository,
            timeout: TimeSpan.FromMinutes(20));
        bundle.ExitCode.Should().Be(0, bundle.Output);
        return path;
    }
}
