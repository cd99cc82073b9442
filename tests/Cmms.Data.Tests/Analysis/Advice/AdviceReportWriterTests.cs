using System.Text.Json;
using Cmms.Data.Analysis.Advice;
using Cmms.Data.Conventions.Rules;

namespace Cmms.Data.Tests.Analysis.Advice;

public sealed class AdviceReportWriterTests
{
    // Names from a hostile database: a pipe, backticks, an angle bracket and a terminal escape sequence.
    private static readonly AdviceReport Report = new(
        "shop",
        "file",
        [
            new IndexProposal
            {
                Definition = new IndexDefinition { Table = "public.t|x", Name = "ix_`t`", KeyColumns = [new IndexKeyColumn("c")] },
                Schema = "public",
                TableName = "t|x",
                Statements = [new StatementEffect("SELECT c FROM \"t|x\"\nWHERE c = $1 -- ``` <b>\u001b[2J", 4, 100, 10)],
                IsVerified = true,
                EfCoreCode = "builder.HasIndex([\"c\"], \"ix_`t`\");",
                CreateSql = "CREATE INDEX CONCURRENTLY \"ix_`t`\" ON public.\"t|x\" (c);",
            },
        ],
        [new UnhelpedStatement("SELEC 1", 1, UnhelpedReason.NotParseable, "42601: syntax error at or near \"SELEC\"")],
        StatementsPlanned: 1,
        CatalogOnlyStatements: 0,
        Elapsed: TimeSpan.FromMilliseconds(1234));

    [Fact]
    public void Text_shows_control_characters_as_escapes_and_each_statement_on_one_line()
    {
        var text = AdviceReportWriter.Text(Report);

        text.Should().NotContain("\u001b").And.Contain("\\u001B[2J", "the escape is written as analyze writes it");
        text.Should().Contain("       4 calls  cost     100.00 ->      10.00  SELECT c FROM \"t|x\" WHERE c = $1 -- ``` <b>\\u001B[2J");
        text.Should().Contain("not parseable (42601: syntax error at or near \"SELEC\"), 1 calls: SELEC 1");
        text.Should().StartWith("1 index proposal(s) for 1 planned statement(s) from file of database shop (0 reading only system catalogs left out); 1 statement(s) without a proposal (1.2 s).");
    }

    [Fact]
    public void Markdown_escapes_pipes_and_tags_and_fences_code_with_more_backticks_than_it_holds()
    {
        var markdown = AdviceReportWriter.Markdown(Report);

        // Headings and cells escape markdown punctuation as analyze's report does: the underscore too.
        markdown.Should().Contain("#### ix\\_\\`t\\` on public.t\\|x");
        markdown.Should().Contain("| 4 | 100.00 | 10.00 | ```` SELECT c FROM \"t\\|x\" WHERE c = $1 -- ``` <b>\\u001B[2J ```` |");
        markdown.Should().Contain("```csharp\nbuilder.HasIndex([\"c\"], \"ix_`t`\");\n```");
        markdown.Should().NotContain("\u001b");
    }

    [Fact]
    public void Json_keeps_the_texts_exact_and_names_reasons_in_snake_case()
    {
        using var json = JsonDocument.Parse(AdviceReportWriter.Json(Report));
        var root = json.RootElement;

        root.GetProperty("proposals")[0].GetProperty("statements")[0].GetProperty("sql").GetString().Should().Be(Report.Proposals[0].Statements[0].Sql);
        root.GetProperty("proposals")[0].GetProperty("weightedCostSaved").GetDouble().Should().Be(360);
        root.GetProperty("unhelped")[0].GetProperty("reason").GetString().Should().Be("not_parseable");
        root.GetProperty("elapsedMs").GetDouble().Should().Be(1234);
    }
}
