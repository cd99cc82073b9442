using Cmms.Data.IntegrationTests.Infrastructure;

namespace Cmms.Data.IntegrationTests.Tool;

/// <summary>How the tool tests judge a cmms-db run: success, or a failure the way users see it.</summary>
internal static class CmmsDbRunAssertions
{
    /// <summary>
    ///     Asserts a failure the way users see it: the exit code, and standard error being exactly one
    ///     <c>cmms-db: error: …</c> line, without a stack trace or <paramref name="secret" /> anywhere in the output.
    /// </summary>
    /// <returns>The message, after <c>cmms-db: error: </c>.</returns>
    public static string ShouldFailWithOneLine(this CmmsDbRun run, int exitCode, string secret = ToolTestDefaults.Password)
    {
        var message = run.ShouldFailWithMessage(exitCode, secret);
        run.ErrorLines.Should().ContainSingle($"the failure is one line and nothing else; stderr: {run.Error}");
        return message;
    }

    /// <summary>
    ///     Asserts a failure after progress lines: the exit code, and exactly one <c>cmms-db: error: …</c> line, the last
    ///     one, without a stack trace or <paramref name="secret" /> anywhere in the output.
    /// </summary>
    /// <returns>The message, after <c>cmms-db: error: </c>.</returns>
    public static string ShouldFailWithMessage(this CmmsDbRun run, int exitCode, string secret = ToolTestDefaults.Password)
    {
        run.ExitCode.Should().Be(exitCode, $"stderr: {run.Error}");
        run.ErrorLines.Where(l => l.StartsWith("cmms-db: error: ", StringComparison.Ordinal)).Should().ContainSingle($"stderr: {run.Error}");
        run.ErrorLines.Should().NotBeEmpty().And.Subject.Last().Should().StartWith("cmms-db: error: ");
        run.Error.Should().NotContain("   at ", "no stack trace belongs in a failure");
        (run.Output + run.Error).Should().NotContain(secret, "a password never appears in any output");
        return run.ErrorLines[^1]["cmms-db: error: ".Length..];
    }

    /// <summary>Asserts success, showing standard error when it did not succeed.</summary>
    public static CmmsDbRun ShouldSucceed(this CmmsDbRun run)
    {
        run.ExitCode.Should().Be(0, $"stderr: {run.Error}");
        return run;
    }
}
