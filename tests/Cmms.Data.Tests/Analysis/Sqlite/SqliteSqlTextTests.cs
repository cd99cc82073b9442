using Cmms.Data.Analysis.Sqlite;

namespace Cmms.Data.Tests.Analysis.Sqlite;

/// <summary>The statements SQLite stores in sqlite_schema, read for what no pragma reports. Needs no database.</summary>
public sealed class SqliteSqlTextTests
{
    [Fact]
    public void A_create_index_gives_its_items_without_direction_or_collation_and_its_predicate()
    {
        var parsed = SqliteSqlText.ParseCreateIndex(
            "CREATE INDEX \"ix (a, b)\" ON [t(x)] (lower(name) COLLATE NOCASE DESC, \"a,b\" ASC, coalesce(x, ')')) -- (\n WHERE NOT closed AND note <> 'WHERE'");

        parsed.Should().NotBeNull();
        parsed!.Value.Items.Should().Equal("lower(name)", "\"a,b\"", "coalesce(x, ')')");
        parsed.Value.Predicate.Should().Be("NOT closed AND note <> 'WHERE'");
    }

    [Fact]
    public void A_full_index_has_no_predicate()
        => SqliteSqlText.ParseCreateIndex("CREATE UNIQUE INDEX ux ON t (a, b)")!.Value.Predicate.Should().BeNull();

    [Theory]
    [InlineData("CREATE TABLE t (a INT)", "t", " (a INT")]
    [InlineData("CREATE TABLE IF NOT EXISTS \"main\".\"we\"\"ird (\" (a INT, CHECK (a > 0)) STRICT", "\"main\".\"we\"\"ird (\"", " (a INT, CHECK (a > 0)")]
    [InlineData("CREATE TEMP TABLE [x y](a /* ) */ INT)", "[x y]", "(a /* ) */ INT")]
    public void A_create_table_gives_where_its_name_and_definitions_are(string sql, string name, string definitions)
    {
        var (nameStart, nameEnd, definitionsEnd) = SqliteSqlText.ParseCreateTable(sql)!.Value;

        sql[nameStart..nameEnd].Should().Be(name);
        sql[nameEnd..definitionsEnd].Should().Be(definitions);
        sql[definitionsEnd].Should().Be(')');
    }

    [Fact]
    public void A_table_made_from_a_select_has_no_definitions_to_rewrite()
        => SqliteSqlText.ParseCreateTable("CREATE TABLE t AS SELECT 1 AS a").Should().BeNull();
}
