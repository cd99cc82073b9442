using Cmms.Data.Tool.Connection;
using Cmms.Data.Tool.Errors;

namespace Cmms.Data.Tests.Tool;

/// <summary>
///     URI connection strings convert to Npgsql's form as libpq reads them; a malformed string of either form is
///     rejected with a message that names the wrong part and repeats none of its text. Needs no database.
/// </summary>
public sealed class ConnectionStringParsingTests
{
    private const string Secret = "Zq7-Hunter";

    [Fact]
    public void A_postgres_uri_converts_every_part_percent_decoded()
    {
        var connection = ConnectionResolver.Validate(
            "postgresql://app%40corp:p%40ss%3Aw%2Frd%25@db.example.com:6543/cmms%20prod?sslmode=require&application_name=ci%20job&connect_timeout=7",
            ConnectionSource.Option);
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connection.ConnectionString);

        builder.Username.Should().Be("app@corp");
        builder.Password.Should().Be("p@ss:w/rd%");
        builder.Host.Should().Be("db.example.com");
        builder.Port.Should().Be(6543);
        builder.Database.Should().Be("cmms prod");
        builder.SslMode.Should().Be(Npgsql.SslMode.Require);
        builder.ApplicationName.Should().Be("ci job");
        builder.Timeout.Should().Be(7, "an explicit connect_timeout is kept");
    }

    [Fact]
    public void The_postgres_scheme_ipv6_hosts_several_hosts_and_defaults_are_read_as_libpq_reads_them()
    {
        Builder("postgres://app@[::1]:5433/cmms").Host.Should().Be("::1");
        Builder("postgres://app@[::1]:5433/cmms").Port.Should().Be(5433);
        Builder("postgres://app@a:5432,b:5433/cmms").Host.Should().Be("a:5432,b:5433");
        var bare = Builder("postgresql://db");
        bare.Host.Should().Be("db");
        bare.Port.Should().Be(5432);
        bare.Username.Should().BeNull();
        bare.Timeout.Should().Be(10, "cmms-db bounds the connection attempt when the string does not");
        Builder("postgresql://u:p?w#@db/cmms?sslmode=disable").Password.Should().Be("p?w#", "libpq ends the user part at the first '@'");
        Builder("postgresql://u:pw@db/cmms?host=other&port=7000&user=v&dbname=d").Should().Match<Npgsql.NpgsqlConnectionStringBuilder>(
            b => b.Host == "other" && b.Port == 7000 && b.Username == "v" && b.Database == "d");
    }

    [Theory]
    [InlineData($"postgres://app:{Secret}@db/cmms?sslmode=sideways", "the value of sslmode")]
    [InlineData($"postgres://app:{Secret}@db/cmms?{Secret}=1", "query parameter 1")]
    [InlineData($"postgres://app:{Secret}@db/cmms?sslmode=require&{Secret}", "query parameter 2")]
    [InlineData($"postgres://app:{Secret}@db:99999/cmms", "port")]
    [InlineData($"postgres://app:{Secret}@db:{Secret}/cmms", "port")]
    [InlineData($"postgres://app:{Secret}%zz@db/cmms", "password")]
    [InlineData($"postgres://app:{Secret}%C3@db/cmms", "password")]
    [InlineData($"postgres://app:{Secret}@[::1/cmms", "IPv6")]
    [InlineData($"Host=db;Password={Secret};{Secret}=x", "key 3")]
    [InlineData($"Host=db;Password=\"{Secret}", "Key=Value")]
    [InlineData($"Host=db;Port={Secret};Password={Secret}", "the value of port")]
    [InlineData($"Host=db;Port=70000;Password={Secret}", "Port must be a number from 1 to 65535")]
    [InlineData($"Password={Secret};Username=app", "no host")]
    public void A_malformed_connection_string_names_the_wrong_part_and_none_of_its_text(string connectionString, string named)
    {
        var validate = () => ConnectionResolver.Validate(connectionString, ConnectionSource.Environment);

        var error = validate.Should().Throw<ToolException>().Which;
        error.ExitCode.Should().Be(2);
        error.Message.Should().StartWith("The connection string in CMMS_DB_CONNECTION ").And.Contain(named).And.NotContain(Secret).And.NotContain("Zq7");
        error.InnerException.Should().BeNull("Npgsql's exceptions quote the text; none is kept for --verbose to print");
    }

    [Fact]
    public void Secrets_of_a_connection_string_are_the_text_and_its_decoded_password()
    {
        ConnectionResolver.Secrets("postgres://app:p%40ss@db/cmms").Should().Equal("postgres://app:p%40ss@db/cmms", "p@ss");
        ConnectionResolver.Secrets("Host=db;Password=pw1").Should().Equal("Host=db;Password=pw1", "pw1");
        ConnectionResolver.Secrets("Host=db;Password=\"unclosed").Should().Equal("Host=db;Password=\"unclosed");
        ConnectionResolver.Secrets(null).Should().BeEmpty();
    }

    private static Npgsql.NpgsqlConnectionStringBuilder Builder(string uri)
        => new(ConnectionResolver.Validate(uri, ConnectionSource.Option).ConnectionString);
}
