using System.Diagnostics;
using System.Text.Json;
using Cmms.Data.Tool.CommandLine;

namespace Cmms.Data.IntegrationTests.Tool;

/// <summary>One run of cmms-db, in process or as a child process: exit code, standard output, standard error, duration.</summary>
internal sealed record CmmsDbRun(int ExitCode, string Output, string Error, TimeSpan Elapsed)
{
    /// <summary>Runs cmms-db in this process, exactly as the executable would (without a terminal).</summary>
    public static async Task<CmmsDbRun> InProcessAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var elapsed = Stopwatch.StartNew();
        var exitCode = await CmmsDbApp.RunAsync(args, new ToolConsole(TextWriter.Synchronized(output), TextWriter.Synchronized(error), IsTerminal: false));
        return new CmmsDbRun(exitCode, output.ToString(), error.ToString(), elapsed.Elapsed);
    }

    /// <summary>The lines of standard error, without empty ones.</summary>
    public IReadOnlyList<string> ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The parsed standard output of a <c>--json</c> run.</summary>
    public JsonElement Json => JsonDocument.Parse(Output).RootElement;

    /// <summary>
    ///     Asserts a failure the way users see it: the exit code, and standard error being exactly one
    ///     <c>cmms-db: …</c> line, without a stack trace or <paramref name="secret" /> anywhere in the output.
    /// </summary>
    /// <returns>The message, after <c>cmms-db: </c>.</returns>
    public string ShouldFailWithOneLine(int exitCode, string secret = ToolTestDefaults.Password)
    {
        var message = ShouldFailWithMessage(exitCode, secret);
        ErrorLines.Should().ContainSingle($"the failure is one line and nothing else; stderr: {Error}");
        return message;
    }

    /// <summary>
    ///     Asserts a failure after progress lines: the exit code, and exactly one <c>cmms-db: …</c> line, the last
    ///     one, without a stack trace or <paramref name="secret" /> anywhere in the output.
    /// </summary>
    /// <returns>The message, after <c>cmms-db: </c>.</returns>
    public string ShouldFailWithMessage(int exitCode, string secret = ToolTestDefaults.Password)
    {
        ExitCode.Should().Be(exitCode, $"stderr: {Error}");
        ErrorLines.Where(l => l.StartsWith("cmms-db: ", StringComparison.Ordinal)).Should().ContainSingle($"stderr: {Error}");
        ErrorLines.Should().NotBeEmpty().And.Subject.Last().Should().StartWith("cmms-db: ");
        Error.Should().NotContain("   at ", "no stack trace belongs in a failure");
        (Output + Error).Should().NotContain(secret, "a password never appears in any output");
        return ErrorLines[^1]["cmms-db: ".Length..];
    }

    /// <summary>Asserts success, showing standard error when it did not succeed.</summary>
    public CmmsDbRun ShouldSucceed()
    {
        ExitCode.Should().Be(0, $"stderr: {Error}");
        return this;
    }
}

/// <summary>Values the tool tests share.</summary>
internal static class ToolTestDefaults
{
    /// <summary>A password distinctive enough to be searched for in every output.</summary>
    public const string Password = "s3cr3t-Pa55";
}
