using Cmms.Data.IntegrationTests.Infrastructure;
using Cmms.Data.IntegrationTests.Security;

namespace Cmms.Data.IntegrationTests.Tool;

/// <summary>Needs a server that checks passwords (<see cref="PasswordCheckingServer" />).</summary>
public sealed class WrongPasswordTests(PasswordCheckingServer server) : IClassFixture<PasswordCheckingServer>
{
    [Fact]
    public async Task Wrong_password_fails_with_one_line_that_names_the_user_but_never_the_password()
    {
        var before = await ToolDatabase.FingerprintAsync(server.Cluster.ConnectionString);

        var run = await CmmsDbRun.InProcessAsync("migrate", "--connection", server.ConnectionString(ToolTestDefaults.Password));

        run.ShouldFailWithOneLine(1).Should()
            .StartWith($"Authentication failed on Host=127.0.0.1;Port={server.Port};Database=postgres;Username={PasswordCheckingServer.Role}:")
            .And.Contain("Check Username and Password");
        (await ToolDatabase.FingerprintAsync(server.Cluster.ConnectionString)).Should().Be(before);
    }

    [Fact]
    public async Task Right_password_is_accepted_so_the_server_really_checks_passwords()
    {
        var run = await CmmsDbRun.InProcessAsync("status", "--connection", server.ConnectionString(PasswordCheckingServer.RightPassword));

        run.ShouldSucceed().Output.Should().StartWith("Database 'postgres' is at 0.");
        (run.Output + run.Error).Should().NotContain(PasswordCheckingServer.RightPassword);
    }
}
