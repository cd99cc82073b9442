using System.Text.Json;
using Cmms.Data.Bench.Advice;
using Cmms.Data.Analysis.Catalog;
using Cmms.Data.Conventions.Rules;
using Cmms.Data.IntegrationTests.Infrastructure;
using Cmms.Data.IntegrationTests.Workload;
using Cmms.Data.Bench.Catalog;
using Cmms.Data.Bench.Plans;
using Npgsql;

namespace Cmms.Data.IntegrationTests.Advice;

/// <summary>
///     <c>cmms-db advise</c> on the catalog workload as pg_stat_statements saw it, after the indexes of Q6, Q12, Q14
///     and Q22 were dropped (<see cref="AdviseWorkloadFixture" />).
/// </summary>
[Collection(WorkloadTests.Collection)]
public sealed class AdviseCommandTests(AdviseWorkloadFixture db) : IClassFixture<AdviseWorkloadFixture>
{
    // The dropped btree indexes as the Cmms.Data model declares them: (columns, descending).
    private static readonly Dictionary<string, (string Table, string[] Columns, bool[] Descending)> DroppedBtree = new()
    {
        ["Q6"] = ("user_activity_logs", ["user_id", "created_at"], [false, true]),
        ["Q14"] = ("stock_transactions", ["part_id", "occurred_at"], [false, true]),
        ["Q22"] = ("user_interactions", ["user_id", "created_at"], [false, true]),
    };

    [Fact]
    public async Task Advise_proposes_every_dropped_index_nothing_redundant_and_its_sql_brings_the_queries_back_to_index_plans()
    {
        var indexesBefore = await IndexNamesAsync();

        var run = await CmmsDbRun.InProcessAsync("advise", "--connection", db.ConnectionString, "--format", "json");

        run.ExitCode.Should().Be(0, run.Output + run.Error);
        (await IndexNamesAsync()).Should().Equal(indexesBefore, "advise never changes the database");
        var root = run.Json;
        root.GetProperty("source").GetString().Should().Be("pg_stat_statements");
        var proposals = root.GetProperty("proposals").EnumerateArray().ToList();
        DroppedBtree.Keys.Append("Q12").Should().BeEquivalentTo(AdviseDemo.Dropped.Keys);

        foreach (var (id, (table, columns, descending)) in DroppedBtree)
        {
            var query = QueryCatalog.All.Single(q => q.Id == id);
            var proposal = proposals.Should().ContainSingle(p => Serves(p, query), id).Subject;
            proposal.GetProperty("table").GetString().Should().Be(table, id);
            proposal.GetProperty("name").GetString().Should().Be(AdviseDemo.Dropped[id], "named as the model names it, the dropped name is free again");
            proposal.GetProperty("verified").GetBoolean().Should().BeTrue(id);
            proposal.GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("name").GetString()).Should().Equal(columns, id);
            proposal.GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("descending").GetBoolean()).Should().Equal(descending, id);
            proposal.GetProperty("predicate").ValueKind.Should().Be(JsonValueKind.Null, id);
            var effect = proposal.GetProperty("statements").EnumerateArray().Single(s => SameQuery(s.GetProperty("sql").GetString()!, query));
            effect.GetProperty("calls").GetInt64().Should().Be(AdviseWorkloadFixture.Runs, id);
            effect.GetProperty("costAfter").GetDouble().Should().BeLessThan(effect.GetProperty("costBefore").GetDouble() / 2, id);
        }

        var q22 = proposals.Single(p => Serves(p, QueryCatalog.All.Single(q => q.Id == "Q22")));
        q22.GetProperty("name").GetString().Should().Be("ix_user_interactions_user_id_created_at");
        q22.GetProperty("entityType").GetString().Should().Be("UserInteraction");
        q22.GetProperty("efCore").GetString().Should().Be(
            """builder.HasIndex(e => new { e.UserId, e.CreatedAt }, "ix_user_interactions_user_id_created_at").IsDescending(false, true);""");
        q22.GetProperty("createSql").GetString().Should().Be(
            "CREATE INDEX CONCURRENTLY ix_user_interactions_user_id_created_at ON public.user_interactions (user_id, created_at DESC);");
        var replaced = q22.GetProperty("replaces").EnumerateArray().Should().ContainSingle().Subject;
        replaced.GetProperty("name").GetString().Should().Be(AdviseDemo.PrefixIndex);
        replaced.GetProperty("dropSql").GetString().Should().Be($"DROP INDEX CONCURRENTLY public.{AdviseDemo.PrefixIndex};");

        var q12 = proposals.Single(p => Serves(p, QueryCatalog.All.Single(q => q.Id == "Q12")));
        q12.GetProperty("verified").GetBoolean().Should().BeFalse("HypoPG 1.3 cannot simulate GIN");
        q12.GetProperty("method").GetString().Should().Be("gin");
        q12.GetProperty("columns")[0].GetProperty("operatorClass").GetString().Should().Be("jsonb_path_ops", "only @> is used");
        q12.GetProperty("efCore").GetString().Should().Be(
            """builder.HasIndex(e => e.Attributes, "ix_machines_attributes").HasMethod("gin").HasOperators("jsonb_path_ops");""");
        q12.GetProperty("createSql").GetString().Should().Be("CREATE INDEX CONCURRENTLY ix_machines_attributes ON public.machines USING gin (attributes jsonb_path_ops);");
        q12.GetProperty("statements").EnumerateArray().Should().OnlyContain(e => e.GetProperty("costAfter").ValueKind == JsonValueKind.Null, "a GIN proposal is never claimed as measured");

        await ShouldProposeNothingRedundantAsync(proposals);

        var unhelped = root.GetProperty("unhelped").EnumerateArray().ToList();
        var q25 = unhelped.Single(u => SameQuery(u.GetProperty("sql").GetString()!, QueryCatalog.All.Single(q => q.Id == "Q25")));
        q25.GetProperty("reason").GetString().Should().Be("already_optimal");
        q25.GetProperty("detail").GetString().Should().Contain("ux_users_normalized_email");

        var text = await CmmsDbRun.InProcessAsync("advise", "--connection", db.ConnectionString);
        text.ExitCode.Should().Be(0, text.Error);
        text.Output.Should().MatchRegex(@"^\d+ index proposal\(s\) for \d+ planned statement\(s\) from pg_stat_statements of database advise_");
        text.Output.Should().Contain("   EF Core (UserInteraction):\n     builder.HasIndex(e => new { e.UserId, e.CreatedAt }, \"ix_user_interactions_user_id_created_at\").IsDescending(false, true);");
        text.Output.Should().Contain("ix_machines_attributes on public.machines (not measured: HypoPG cannot simulate GIN)\n");
        var markdown = await CmmsDbRun.InProcessAsync("advise", "--connection", db.ConnectionString, "--format", "markdown");
        markdown.Output.Should().StartWith("### cmms-db advise").And.Contain("```sql\nCREATE INDEX CONCURRENTLY ix_user_interactions_user_id_created_at");
        markdown.Output.Should().Contain("#### ix\\_machines\\_attributes on public.machines (not measured: HypoPG cannot simulate GIN)\n");

        await using var connection = await db.OpenAsync();
        await AdviseDemo.ApplyAsync(connection, proposals);
        foreach (var id in DroppedBtree.Keys.Append("Q12"))
        {
            var query = QueryCatalog.All.Single(q => q.Id == id);
            var name = proposals.Single(p => Serves(p, query)).GetProperty("name").GetString();
            var plan = await QueryRunner.ExplainAsync(connection, query, db.Parameters[id], timing: false, CancellationToken.None);
            plan.Indexes.Should().Contain(name, id);
            plan.SequentialScans.Should().NotContain(query.Table, id);
        }

        (await IndexNamesAsync()).Should().NotContain(AdviseDemo.PrefixIndex, "the replaced prefix index was dropped after its replacement was built");
    }

    [Fact]
    public async Task Advise_as_a_role_that_cannot_read_other_roles_statements_lists_them_as_not_visible_and_exits_1()
    {
        await Sql.ExecuteAsync(db.ConnectionString, "DROP ROLE IF EXISTS advise_reader; CREATE ROLE advise_reader LOGIN");

        var reader = new NpgsqlConnectionStringBuilder(db.ConnectionString) { Username = "advise_reader" }.ConnectionString;
        var run = await CmmsDbRun.InProcessAsync("advise", "--connection", reader, "--format", "json");

        run.ExitCode.Should().Be(1, run.Output + run.Error);
        run.Json.GetProperty("proposals").GetArrayLength().Should().Be(0);
        run.Json.GetProperty("unhelped").EnumerateArray().Select(u => u.GetProperty("reason").GetString()).Should().NotBeEmpty().And.OnlyContain(r => r == "not_visible");
        run.ErrorLines.Should().ContainSingle().Which.Should().Be("cmms-db: error: no statement on a user table could be planned, so there is no advice: see the reasons above.");
    }

    [Fact]
    public async Task Advise_reads_only_the_statements_above_the_thresholds()
    {
        var top = await CmmsDbRun.InProcessAsync("advise", "--connection", db.ConnectionString, "--top", "2", "--format", "json");
        var none = await CmmsDbRun.InProcessAsync("advise", "--connection", db.ConnectionString, "--min-calls", "1000000");
        var slow = await CmmsDbRun.InProcessAsync("advise", "--connection", db.ConnectionString, "--min-mean-ms", "1000000");

        top.ExitCode.Should().Be(0, top.Error);
        var json = top.Json;
        (json.GetProperty("statementsPlanned").GetInt32() - json.GetProperty("catalogOnlyStatements").GetInt32()).Should().Be(2, "the two heaviest statements on user tables");
        var statements = json.GetProperty("proposals").EnumerateArray().SelectMany(p => p.GetProperty("statements").EnumerateArray()).Select(s => s.GetProperty("sql").GetString())
            .Concat(json.GetProperty("unhelped").EnumerateArray().Select(u => u.GetProperty("sql").GetString()))
            .Distinct();
        statements.Should().HaveCount(2);
        foreach (var run in new[] { none, slow })
        {
            run.ExitCode.Should().Be(1);
            run.ErrorLines.Should().ContainSingle().Which.Should().StartWith("cmms-db: error: pg_stat_statements of database advise_").And.Contain("holds no query above the thresholds");
        }
    }

    // pg_stat_statements replaces the literal LIMIT with a parameter; the rest of the text is the catalog's.
    private static bool SameQuery(string sql, CatalogQuery query)
    {
        var limit = query.Sql.IndexOf(" LIMIT ", StringComparison.Ordinal);
        return limit < 0 ? sql == query.Sql : sql.StartsWith(query.Sql[..limit] + " LIMIT $", StringComparison.Ordinal);
    }

    private static bool Serves(JsonElement proposal, CatalogQuery query)
        => proposal.GetProperty("statements").EnumerateArray().Any(s => SameQuery(s.GetProperty("sql").GetString()!, query));

    // Checked with analyze's catalog reader, not the advisor's own: no existing index or key covers a proposal, and no
    // proposal covers another.
    private async Task ShouldProposeNothingRedundantAsync(List<JsonElement> proposals)
    {
        await using var dataSource = AnalysisDataSource.Create(db.ConnectionString, "advise tests");
        var catalog = await new CatalogReader(dataSource).ReadAsync([], CancellationToken.None);
        var proposed = proposals.Select(p => new IndexDefinition
        {
            Table = $"{p.GetProperty("schema").GetString()}.{p.GetProperty("table").GetString()}",
            Name = p.GetProperty("name").GetString()!,
            Method = p.GetProperty("method").GetString()!,
            KeyColumns = p.GetProperty("columns").EnumerateArray()
                .Select(c => new IndexKeyColumn(c.GetProperty("name").GetString()!, Descending: c.GetProperty("descending").GetBoolean(), OperatorClass: c.GetProperty("operatorClass").GetString()))
                .ToList(),
            Predicate = p.GetProperty("predicate").GetString(),
        }).ToList();

        foreach (var proposal in proposed)
        {
            catalog.Indexes.Where(i => IndexRedundancyRules.Covers(i.Definition, proposal) is not null).Select(i => i.Name)
                .Should().BeEmpty($"{proposal.Name} must not duplicate an existing index");
            proposed.Where(o => !ReferenceEquals(o, proposal) && IndexRedundancyRules.Covers(o, proposal) is not null).Select(o => o.Name)
                .Should().BeEmpty($"{proposal.Name} must not be a prefix of another proposal");
            catalog.Indexes.Select(i => i.Name).Should().NotContain(proposal.Name, "a proposal's name is free");
        }
    }

    private Task<IReadOnlyList<string>> IndexNamesAsync()
        => Sql.ListAsync<string>(db.ConnectionString, "SELECT indexname::text FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1");
}
