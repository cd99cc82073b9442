using Cmms.Data.Tool.Connection;

namespace Cmms.Data.Tests.Tool;

/// <summary>One rule for which connection the user named, for PostgreSQL and SQLite alike.</summary>
public sealed class ConnectionChoiceTests
{
    [Fact]
    public void The_option_wins_over_the_environment_variable()
        => ConnectionResolver.Named("Host=option", "Host=environment").Should().Be(("Host=option", ConnectionSource.Option));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void An_option_of_only_white_space_names_nothing_and_the_environment_variable_serves(string? option)
        => ConnectionResolver.Named(option, "app.db").Should().Be(("app.db", ConnectionSource.Environment));

    [Theory]
    [InlineData(null, null)]
    [InlineData(" ", "\t")]
    public void With_neither_named_there_is_no_connection_and_the_embedded_server_serves(string? option, string? environment)
        => ConnectionResolver.Named(option, environment).Should().BeNull();
}
