using Cmms.Data.Conventions.Migrations.Engine;

namespace Cmms.Data.Tests.Conventions.Migrations;

public sealed class SqlLiteralTests
{
    [Theory]
    [InlineData("__EFMigrationsHistory", "'__EFMigrationsHistory'")]
    [InlineData("it's", "'it''s'")]
    [InlineData(@"a\b", @"E'a\\b'")]
    [InlineData(@"x'); DROP TABLE t; --\", @"E'x''); DROP TABLE t; --\\'")]
    [InlineData("", "''")]
    public void A_string_is_quoted_as_PostgreSQLs_quote_literal_quotes_it(string value, string expected)
        => SqlLiteral.Quote(value).Should().Be(expected);
}
