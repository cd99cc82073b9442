using Cmms.Data.Conventions.Rules;

namespace Cmms.Data.Tests.Conventions.Rules;

public class SqlTextNormalizerTests
{
    [Theory]
    [InlineData("revoked_at IS NULL", "(revoked_at IS NULL)")]
    [InlineData("NOT is_used", "(NOT is_used)")]
    [InlineData("\"Status\" <> 'closed'", "status<>'closed'")]
    [InlineData("play_count > 0", "(play_count > 0)")]
    [InlineData("is_active", "  is_active  ")]
    [InlineData("(v)::integer = 1", "v::integer = 1")]
    public void Equivalent_predicates_normalize_to_the_same_text(string written, string deparsed)
        => SqlTextNormalizer.Normalize(written).Should().Be(SqlTextNormalizer.Normalize(deparsed));

    [Theory]
    [InlineData("v::int = 1", "v = 1")]
    [InlineData("(v)::integer", "(v)::bigint")]
    [InlineData("status <> 'closed'", "((status)::text <> 'closed'::text)")]
    public void Casts_are_significant_by_default(string left, string right)
        => SqlTextNormalizer.Normalize(left).Should().NotBe(SqlTextNormalizer.Normalize(right));

    [Theory]
    [InlineData("status <> 'closed'", "((status)::text <> 'closed'::text)")]
    [InlineData("created_at > '2024-01-01'", "(created_at > '2024-01-01'::timestamp with time zone)")]
    public void Ignoring_casts_matches_a_written_predicate_with_the_one_postgres_deparses(string written, string deparsed)
        => SqlTextNormalizer.Normalize(written, ignoreCasts: true).Should().Be(SqlTextNormalizer.Normalize(deparsed, ignoreCasts: true));

    [Theory]
    [InlineData("status <> 'closed'", "status <> 'CLOSED'")]
    [InlineData("(a OR b) AND c", "a OR (b AND c)")]
    [InlineData("a > 0", "a >= 0")]
    public void Different_predicates_stay_different(string left, string right)
        => SqlTextNormalizer.Normalize(left).Should().NotBe(SqlTextNormalizer.Normalize(right));

    [Fact]
    public void Keeps_literals_verbatim_and_folds_the_rest()
        => SqlTextNormalizer.Normalize("(\"Kind\"  =  'Mixed Case')").Should().Be("kind='Mixed Case'");

    [Fact]
    public void Empty_predicate_is_none()
        => SqlTextNormalizer.Normalize("  ").Should().BeNull();
}
