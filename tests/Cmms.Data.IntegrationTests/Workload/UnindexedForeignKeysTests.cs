using Cmms.Data.Bench.Benchmarks;

namespace Cmms.Data.IntegrationTests.Workload;

public sealed class UnindexedForeignKeysTests
{
    [Fact]
    public void Foreign_keys_behind_a_partial_index_are_found_from_the_models_and_Cmms_Data_indexes_them()
    {
        var found = UnindexedForeignKeys.Find();

        found.Select(f => f.ToString()).Should().Equal("user_sessions.user_id", "worksheets.assigned_to_user_id");
        found.Select(f => f.Constraint).Should().Equal("fk_user_sessions_users_user_id", "fk_worksheets_users_assigned_to_user_id");
        found.Select(f => f.CoveredBy.Single()).Should().Equal("ix_user_sessions_user_id_expires_at", "ix_worksheets_assigned_to_user_id_status");
        found.Should().OnlyContain(f => f.PrincipalTable == "users" && f.PrincipalColumns.SequenceEqual(new[] { "id" }) && f.IndexedInCmmsData);
    }

    [Fact]
    public void A_fresh_parent_row_copies_every_column_but_the_key_and_makes_unique_text_unique()
    {
        var sql = FreshParentRows.InsertSql("users");

        // Quoted as PostgreSQL quotes identifiers: only where a name needs it, which none of these does.
        sql.Should().StartWith("INSERT INTO users (").And.EndWith("FROM users ORDER BY id LIMIT 1 RETURNING id");
        var columns = sql[(sql.IndexOf('(', StringComparison.Ordinal) + 1)..sql.IndexOf(')', StringComparison.Ordinal)].Split(", ");
        columns.Should().Contain(["username", "normalized_email", "role_id"]).And.NotContain("id");
        sql.Split("'cmms-bench-' || $1::integer::text").Should().HaveCount(3, "username and normalized_email are unique");
    }
}
