using Cmms.Data.Analysis.Sql;
using Cmms.Data.IntegrationTests.Infrastructure;
using Npgsql;

namespace Cmms.Data.IntegrationTests.Analysis;

/// <summary>The identifiers in fixes are quoted exactly as the server's own quote_ident() quotes them.</summary>
public sealed class SqlQuoterTests(PostgresDatabaseFixture<SqlQuoterTests> db) : IClassFixture<PostgresDatabaseFixture<SqlQuoterTests>>
{
    [Fact]
    public async Task Quoting_matches_quote_ident_for_keywords_case_spaces_quotes_digits_and_non_ascii()
    {
        string[] names =
        [
            "orders", "Orders", "order", "user", "select", "between", "authorization", "abort", "name", "from_x", "_x",
            "1abc", "a b", "with\"quote", "ünïcode", "ix$1", "a-b", string.Empty, "UPPER", "mIxed", "semi;colon", "dash--dash",
            "star*/slash", "pipe|tick`", new string('é', 31) + "x", "case", "Case", "_", "a1", "a$",
        ];
        var keywords = await Sql.ListAsync<string>(db.ConnectionString, "SELECT word FROM pg_get_keywords() WHERE catcode <> 'U'");
        await using var connection = await db.OpenConnectionAsync();
        var quoter = new SqlQuoter(keywords);

        foreach (var name in names)
        {
            await using var command = new NpgsqlCommand("SELECT quote_ident($1)", connection) { Parameters = { new() { Value = name } } };
            quoter.Quote(name).Should().Be((string)(await command.ExecuteScalarAsync())!, $"'{name}' should be quoted as the server quotes it");
        }
    }

    [Theory]
    [InlineData("d\nDROP TABLE x; --")]
    [InlineData("\u001b[31mred\r")]
    [InlineData("back\\slash\nand \"quote\"")]
    [InlineData("tab\there\u2028\u202Eevil")]
    [InlineData("astral \U0001D173 format")]
    public async Task A_name_with_unprintable_characters_is_quoted_on_one_printable_line_and_means_the_same_name(string name)
    {
        await using var connection = await db.OpenConnectionAsync();
        var quoted = new SqlQuoter([]).Quote(name);

        quoted.Should().StartWith("U&\"").And.NotContainAny("\n", "\r", "\u001b", "\u2028", "\u202E", "\U0001D173");
        await using var command = new NpgsqlCommand($"SELECT 1 AS {quoted}", connection);
        await using var reader = await command.ExecuteReaderAsync();
        reader.GetName(0).Should().Be(name, "the server reads the escaped form as the very same name");
    }
}
