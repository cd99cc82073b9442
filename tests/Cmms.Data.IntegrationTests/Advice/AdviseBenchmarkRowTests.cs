using Cmms.Data.Bench.Advice;
using Cmms.Data.Bench.Benchmarks;

namespace Cmms.Data.IntegrationTests.Advice;

/// <summary>
///     The advised queries' table of the advise benchmark report (<c>docs/benchmarks/advise.md</c>): index names come from
///     the database, so a hostile one must neither end its row nor reach the page as markup or a terminal escape.
/// </summary>
public sealed class AdviseBenchmarkRowTests
{
    private static readonly Stats Before = new(2.5, 3, 2, 21);
    private static readonly Stats After = new(0.25, 0.3, 0.2, 21);

    [Fact]
    public void A_plain_name_is_a_code_span_and_the_plan_names_are_escaped_text()
    {
        var row = AdviseBenchmark.Row("Q6", "ix_logs_user_id", Before, After, ["ix_logs_user_id", "pk_users"]);

        row.Should().Be("| Q6 | `ix_logs_user_id` | 2.500 | 0.250 | 10.0× | ix\\_logs\\_user\\_id, pk\\_users |");
    }

    [Fact]
    public void A_hostile_name_keeps_its_row_one_line_and_its_cells_inert()
    {
        var row = AdviseBenchmark.Row("Q7", "ix_a|b\u001b[2J", Before, After, ["ix_`x|y", "<b>*z*</b>"]);

        row.Should().Be("| Q7 | ix\\_a\\|b\\\\u001B\\[2J | 2.500 | 0.250 | 10.0× | ix\\_\\`x\\|y, \\<b\\>\\*z\\*\\</b\\> |");
        row.Split(" | ").Should().HaveCount(6, "no pipe of a name ends a cell");
    }

    [Fact]
    public void A_plan_without_an_index_says_so()
        => AdviseBenchmark.Row("Q8", "ix_t_a", Before, After, []).Should().EndWith("| no index |");
}
