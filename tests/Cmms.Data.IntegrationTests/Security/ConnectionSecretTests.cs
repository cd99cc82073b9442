using Cmms.Data.IntegrationTests.Infrastructure;
using Cmms.Data.IntegrationTests.Tool;

namespace Cmms.Data.IntegrationTests.Security;

/// <summary>
///     Every way a connection can fail, run as the real cmms-db process, plain, with --verbose and with --json: the
///     exit code says what failed, and no part of a password (each holds <c>Zq7</c>) appears in stdout or stderr.
/// </summary>
public sealed class ConnectionSecretTests(PasswordCheckingServer server) : IClassFixture<PasswordCheckingServer>
{
    private const string Mark = "Zq7";
    private const string Wrong = "Zq7-Wrong";
    private static readonly string[][] Variants = [[], ["--verbose"], ["--json"]];

    private string Uri(string password, string rest = "")
        => $"postgres://{PasswordCheckingServer.Role}:{System.Uri.EscapeDataString(password)}@127.0.0.1:{server.Port}/postgres{rest}";

    [Fact]
    public Task A_malformed_string_is_a_usage_error_without_its_text()
        => AssertFailsAsync($"Host=127.0.0.1;Password=\"{Wrong}", 2, "is malformed");

    [Fact]
    public Task A_password_tail_parsed_as_a_key_is_reported_by_position_only()
        => AssertFailsAsync($"Host=127.0.0.1;Password={Wrong};{Mark}-tail=1", 2, "key 3 is not a connection string keyword");

    [Fact]
    public Task An_unknown_uri_parameter_is_reported_by_position_only()
        => AssertFailsAsync(Uri(Wrong, $"?sslmode=disable&{Mark}-tail=1"), 2, "query parameter 2 of the URI");

    [Fact]
    public async Task A_bad_port_is_a_usage_error_in_either_form()
    {
        await AssertFailsAsync($"Host=127.0.0.1;Port={Mark};Password={Wrong}", 2, "the value of port is not valid");
        await AssertFailsAsync($"postgres://u:{Wrong}@127.0.0.1:99999/postgres", 2, "the port in the URI");
    }

    [Fact]
    public async Task A_wrong_password_fails_authentication_in_either_form()
    {
        await AssertFailsAsync(server.ConnectionString(Wrong), 1, "Authentication failed");
        await AssertFailsAsync(Uri(Wrong), 1, "Authentication failed");
    }

    [Fact]
    public Task An_unreachable_server_names_the_endpoint_not_the_password()
        => AssertFailsAsync($"postgres://u:{Wrong}@127.0.0.1:1/postgres?connect_timeout=3", 1, "Cannot reach PostgreSQL at 127.0.0.1:1");

    [Fact]
    public async Task The_uri_from_the_issue_in_the_environment_is_converted_and_its_password_never_shown()
    {
        var environment = new Dictionary<string, string> { ["CMMS_DB_CONNECTION"] = $"postgres://app:{Wrong}@db.invalid/cmms?sslmode=require&connect_timeout=3" };
        foreach (var variant in Variants)
        {
            var run = await CmmsDbProcess.Start(environment, ["status", .. variant]).WaitAsync(TimeSpan.FromMinutes(1));
            AssertFailure(run, 1, "Cannot reach PostgreSQL at db.invalid:5432", variant);
        }
    }

    [Fact]
    public async Task A_percent_encoded_uri_with_the_right_password_connects_and_shows_no_password()
    {
        foreach (var variant in Variants)
        {
            var run = await CmmsDbProcess.Start(["status", "--connection", Uri(PasswordCheckingServer.RightPassword), .. variant]).WaitAsync(TimeSpan.FromMinutes(1));

            run.ShouldSucceed();
            (run.Output + run.Error).Should().NotContain(Mark);
            if (variant.Contains("--verbose"))
            {
                run.Error.Should().Contain($"Using Host=127.0.0.1;Port={server.Port};Database=postgres;Username={PasswordCheckingServer.Role} (from --connection).");
            }
        }
    }

    private static async Task AssertFailsAsync(string connectionString, int exitCode, string message)
    {
        var runs = await Task.WhenAll(Variants.Select(variant
            => CmmsDbProcess.Start(["status", "--connection", connectionString, .. variant]).WaitAsync(TimeSpan.FromMinutes(1))));
        for (var i = 0; i < Variants.Length; i++)
        {
            AssertFailure(runs[i], exitCode, message, Variants[i]);
        }
    }

    private static void AssertFailure(CmmsDbRun run, int exitCode, string message, string[] variant)
    {
        var because = $"{string.Join(' ', variant)}; stderr: {run.Error}";
        run.ExitCode.Should().Be(exitCode, because);
        (run.Output + run.Error).Should().NotContain(Mark, $"no part of a password is ever shown ({because})");
        run.ErrorLines.Should().NotBeEmpty(because);
        run.ErrorLines.Where(l => l.StartsWith("cmms-db: error: ", StringComparison.Ordinal)).Should().ContainSingle(because).Which.Should().Contain(message, because);
        if (!variant.Contains("--verbose"))
        {
            run.ErrorLines.Should().ContainSingle($"without --verbose a failure is one line ({because})");
        }
    }
}
