using System.Text;

namespace Cmms.Data.IntegrationTests.Infrastructure;

public sealed class DatabaseNamesTests
{
    [Fact]
    public void Database_name_is_the_class_name_in_snake_case_with_a_random_hex_suffix()
    {
        var name = DatabaseNames.Create("OrderQueryTests");

        name.Should().MatchRegex("^order_query_tests_[0-9a-f]{8}$");
    }

    [Fact]
    public void Database_name_from_a_very_long_class_name_fits_in_63_bytes()
    {
        var name = DatabaseNames.Create(string.Concat(Enumerable.Repeat("VeryLongTestClassName", 10)));

        Encoding.UTF8.GetByteCount(name).Should().BeLessThanOrEqualTo(63);
        name.Should().StartWith("very_long_test_class_name_very_long").And.MatchRegex("[a-z]_[0-9a-f]{8}$");
    }

    [Fact]
    public void Database_name_drops_characters_postgres_would_need_quoted()
    {
        DatabaseNames.Create("Ünïcode Tests+2 (slow)").Should().MatchRegex("^n_code_tests_2_slow_[0-9a-f]{8}$");
        DatabaseNames.Create("42Tests").Should().MatchRegex("^t_42_tests_[0-9a-f]{8}$");
    }

    [Fact]
    public void Two_databases_for_the_same_class_get_different_names()
    {
        DatabaseNames.Create("SameTests").Should().NotBe(DatabaseNames.Create("SameTests"));
    }

    [Fact]
    public void Generic_arity_is_left_out_of_the_name_hint()
    {
        DatabaseNames.HintFor(typeof(PostgresDatabaseFixture<DatabaseNamesTests>)).Should().Be("PostgresDatabaseFixture");
    }
}
