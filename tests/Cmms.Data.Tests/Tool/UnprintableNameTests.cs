using Cmms.Data.Analysis.Sql;

namespace Cmms.Data.Tests.Tool;

/// <summary>
///     How names from the database are made safe to print: escaped for terminals, comments and cells, quoted for SQL
///     without a line break, and deparsed definitions rewritten token by token. The server-side meaning of the quoted
///     forms is checked on a real server by the integration tests (SqlQuoterTests, HostileNameTests).
/// </summary>
public sealed class UnprintableNameTests
{
    [Theory]
    [InlineData("plain_name", "plain_name")]
    [InlineData("d\nDROP TABLE x; --", "d\\u000ADROP TABLE x; --")]
    [InlineData("\u001b[31mred\r", "\\u001B[31mred\\u000D")]
    [InlineData("rtl\u202Eevil\u2028", "rtl\\u202Eevil\\u2028")]
    [InlineData("astral\U000E0001tag", "astral\\U000E0001tag")]
    [InlineData("ünïcode € 漢字", "ünïcode € 漢字")]
    public void Escape_writes_each_unprintable_character_as_a_visible_escape_and_keeps_the_rest(string name, string shown)
        => UnprintableText.Escape(name).Should().Be(shown);

    [Theory]
    [InlineData("Orders", "\"Orders\"")]
    [InlineData("with\"quote", "\"with\"\"quote\"")]
    [InlineData("d\nDROP TABLE x; --", "U&\"d\\000aDROP TABLE x; --\"")]
    [InlineData("back\\slash\n\"q\"", "U&\"back\\\\slash\\000a\"\"q\"\"\"")]
    [InlineData("astral\U000E0001", "U&\"astral\\+0e0001\"")]
    public void QuoteAlways_uses_the_unicode_escape_form_only_for_names_with_unprintable_characters(string name, string quoted)
        => SqlQuoter.QuoteAlways(name).Should().Be(quoted);

    [Fact]
    public void A_deparsed_definition_without_unprintable_characters_is_left_exactly_as_it_is()
    {
        const string definition = "CREATE INDEX \"Wäre \"\"q\"\"\" ON public.t USING btree (z) WHERE (note <> 'it''s'::text)";

        DeparsedSql.EscapeUnprintable(definition).Should().BeSameAs(definition);
    }

    [Fact]
    public void A_deparsed_definition_gets_its_names_and_constants_escaped_and_nothing_else_changed()
    {
        var definition = "CREATE INDEX \"inv\nx\" ON public.\"t\"\"\" USING btree (\"c\rol\") WHERE ((z)::text <> '7\n; it''s \\ back'::text)";

        DeparsedSql.EscapeUnprintable(definition).Should().Be(
            "CREATE INDEX U&\"inv\\000ax\" ON public.\"t\"\"\" USING btree (U&\"c\\000dol\") WHERE ((z)::text <> E'7\\u000a; it''s \\\\ back'::text)");
    }

    [Fact]
    public void An_extended_constant_keeps_its_escapes_and_gets_the_unprintable_ones_added()
    {
        DeparsedSql.EscapeUnprintable("CREATE INDEX i ON t (z) WHERE (v <> E'a\\\\b\\'c\nd')")
            .Should().Be("CREATE INDEX i ON t (z) WHERE (v <> E'a\\\\b''c\\u000ad')");
    }

    [Theory]
    [InlineData("CREATE INDEX \"open\n ON t (z)")]
    [InlineData("CREATE INDEX i ON t (z) WHERE (v <> 'open\n)")]
    [InlineData("CREATE INDEX i ON t (z)\nWHERE true")]
    public void Text_that_is_not_a_deparsed_definition_is_refused_rather_than_guessed(string text)
    {
        var escape = () => DeparsedSql.EscapeUnprintable(text);

        escape.Should().Throw<FormatException>();
    }
}
