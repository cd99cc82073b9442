using Cmms.Data.Analysis.Advice;
using Cmms.Data.Conventions.Rules;
using Cmms.Data.Tests.Model;

namespace Cmms.Data.Tests.Analysis.Advice;

public sealed class EfIndexCodeTests(ModelFixture model) : IClassFixture<ModelFixture>
{
    [Fact]
    public void With_the_cmms_model_a_proposal_is_written_against_the_entitys_properties()
    {
        var index = new IndexDefinition
        {
            Table = "public.user_interactions",
            Name = "ix_user_interactions_user_id_created_at",
            KeyColumns = [new IndexKeyColumn("user_id"), new IndexKeyColumn("created_at", Descending: true)],
            Predicate = "interaction_type = 'like'::text",
        };

        var (code, entityType) = EfIndexCode.Render(new TableName("public", "user_interactions"), index, model.Model, string.Empty);

        entityType.Should().Be("UserInteraction");
        code.Should().Be("""builder.HasIndex(e => new { e.UserId, e.CreatedAt }, "ix_user_interactions_user_id_created_at").IsDescending(false, true).HasFilter("interaction_type = 'like'::text");""");
    }

    [Fact]
    public void A_covering_proposal_includes_the_entitys_properties()
    {
        var index = new IndexDefinition
        {
            Table = "public.user_interactions",
            Name = "ix_user_interactions_user_id",
            KeyColumns = [new IndexKeyColumn("user_id")],
            IncludeColumns = ["track_id", "created_at"],
        };

        EfIndexCode.Render(new TableName("public", "user_interactions"), index, model.Model, string.Empty).Code
            .Should().Be("""builder.HasIndex(e => e.UserId, "ix_user_interactions_user_id").IncludeProperties(e => new { e.TrackId, e.CreatedAt });""");
        EfIndexCode.Render(new TableName("public", "user_interactions"), index, null, string.Empty).Code
            .Should().Be("""builder.HasIndex(["user_id"], "ix_user_interactions_user_id").IncludeProperties("track_id", "created_at");""");
    }

    [Fact]
    public void An_expression_proposal_is_written_as_the_migration_statement_since_HasIndex_takes_properties_only()
    {
        var index = new IndexDefinition { Table = "public.users", Name = "ix_users_lower_email", KeyColumns = [new IndexKeyColumn("lower(email)", IsExpression: true)] };

        var (code, entityType) = EfIndexCode.Render(new TableName("public", "users"), index, model.Model, "CREATE INDEX CONCURRENTLY ix_users_lower_email ON public.users ((lower(email)));");

        code.Should().Be("""migrationBuilder.Sql("CREATE INDEX CONCURRENTLY ix_users_lower_email ON public.users ((lower(email)));", suppressTransaction: true); // EF Core's HasIndex takes properties, not expressions""");
        entityType.Should().BeNull("the statement belongs in a migration, not an entity configuration");
    }

    [Fact]
    public void A_gin_proposal_names_its_method_and_operator_class()
    {
        var index = new IndexDefinition
        {
            Table = "public.machines",
            Name = "ix_machines_attributes",
            Method = "gin",
            KeyColumns = [new IndexKeyColumn("attributes", OperatorClass: "jsonb_path_ops")],
        };

        EfIndexCode.Render(new TableName("public", "machines"), index, model.Model, string.Empty).Code
            .Should().Be("""builder.HasIndex(e => e.Attributes, "ix_machines_attributes").HasMethod("gin").HasOperators("jsonb_path_ops");""");
    }

    [Fact]
    public void Without_a_model_or_for_a_table_it_does_not_map_the_column_names_are_written_as_escaped_literals()
    {
        var index = new IndexDefinition
        {
            Table = "public.odd",
            Name = "ix_odd_\"x\"",
            KeyColumns = [new IndexKeyColumn("a\\b"), new IndexKeyColumn("c\u001b[31m")],
        };

        var withModel = EfIndexCode.Render(new TableName("public", "odd"), index, model.Model, string.Empty);
        var without = EfIndexCode.Render(new TableName("public", "odd"), index, null, string.Empty);

        without.Should().Be(withModel);
        without.EntityType.Should().BeNull();
        without.Code.Should().Be("builder.HasIndex([\"a\\\\b\", \"c\\u001b[31m\"], \"ix_odd_\\\"x\\\"\");");
    }
}
