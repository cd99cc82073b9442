using Cmms.Data.Analysis.Advice;

namespace Cmms.Data.Tests.Analysis.Advice;

public sealed class SqlScriptTests
{
    [Fact]
    public void Splits_at_semicolons_outside_literals_quoted_names_dollar_quotes_and_comments()
    {
        var statements = SqlScript.Split(
            """
            SELECT 'a;b' FROM "t;x" WHERE c = $1;
            -- one; comment
            SELECT $$x;y$$, $tag$ ; $tag$ /* block; /* nested; */ still */ FROM t;;
            SELECT 'it''s;' ;
            /* only a comment; */
            """);

        statements.Select(s => s.Sql).Should().Equal(
            "SELECT 'a;b' FROM \"t;x\" WHERE c = $1",
            "-- one; comment\nSELECT $$x;y$$, $tag$ ; $tag$ /* block; /* nested; */ still */ FROM t",
            "SELECT 'it''s;'");
        statements.Should().OnlyContain(s => s.Calls == 1);
    }

    [Theory]
    [InlineData("  -- note\n (SELECT 1)", true, false)]
    [InlineData("WITH x AS (SELECT 1) SELECT * FROM x", true, false)]
    [InlineData("/* c */ DELETE FROM t", false, true)]
    [InlineData("SELEC 1", false, false)]
    public void Tells_queries_from_commands_by_their_first_keyword(string sql, bool isQuery, bool isCommand)
    {
        var statement = new WorkloadStatement(sql);

        statement.IsQuery.Should().Be(isQuery);
        statement.IsCommand.Should().Be(isCommand);
    }
}
