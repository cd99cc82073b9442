using Cmms.Data.Conventions;
using Cmms.Data.Worksheets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using static Cmms.Data.Tests.Model.ModelShapes;

namespace Cmms.Data.Tests.Model;

public class WorksheetsModelTests(ModelFixture fixture) : IClassFixture<ModelFixture>
{
    private readonly IModel _model = fixture.Model;

    [Fact]
    public void Worksheets_table_has_the_spec_columns_with_their_store_types()
    {
        ColumnsOf<Worksheet>(_model).Should().BeEquivalentTo(new Dictionary<string, (string, bool)>
        {
            ["id"] = ("bigint", false),
            ["machine_id"] = ("bigint", false),
            ["created_by_user_id"] = ("bigint", false),
            ["assigned_to_user_id"] = ("bigint", true),
            ["status"] = ("character varying(20)", false),
            ["priority"] = ("character varying(20)", false),
            ["title"] = ("character varying(200)", false),
            ["description"] = ("text", true),
            ["created_at"] = ("timestamp with time zone", false),
            ["closed_at"] = ("timestamp with time zone", true),
            ["search_vector"] = ("tsvector", false),
        });
    }

    [Fact]
    public void Worksheets_search_vector_is_generated_from_title_and_description_in_english()
    {
        var searchVector = _model.FindEntityType(typeof(Worksheet))!.FindProperty(nameof(Worksheet.SearchVector))!;

        searchVector.GetTsVectorConfig().Should().Be("english");
        searchVector.GetTsVectorProperties().Should().Equal(nameof(Worksheet.Title), nameof(Worksheet.Description));
        searchVector.ValueGenerated.Should().Be(ValueGenerated.OnAddOrUpdate);
    }

    [Fact]
    public void Worksheets_table_restricts_deleting_machine_and_author_and_unassigns_a_deleted_technician()
    {
        ForeignKeysOf<Worksheet>(_model).Should().BeEquivalentTo(new[]
        {
            new ForeignKeyShape("fk_worksheets_machines_machine_id", ["machine_id"], "machines", ReferentialAction.Restrict),
            new ForeignKeyShape("fk_worksheets_users_created_by_user_id", ["created_by_user_id"], "users", ReferentialAction.Restrict),
            new ForeignKeyShape("fk_worksheets_users_assigned_to_user_id", ["assigned_to_user_id"], "users", ReferentialAction.SetNull),
        });
    }

    [Fact]
    public void Worksheets_table_keeps_partial_open_work_index_gin_search_index_and_a_full_assignee_foreign_key_index()
    {
        IndexesOf<Worksheet>(_model).Should().BeEquivalentTo(new[]
        {
            new IndexShape("ix_worksheets_status_created_at", ["status", "created_at"], IsUnique: false, IsDescending: [false, true]),
            new IndexShape("ix_worksheets_machine_id_created_at", ["machine_id", "created_at"], IsUnique: false, IsDescending: [false, true]),
            new IndexShape(
                "ix_worksheets_assigned_to_user_id_status", ["assigned_to_user_id", "status"], IsUnique: false, IsDescending: [false, false],
                Filter: "status <> 'closed'"),
            new IndexShape("ix_worksheets_search_vector", ["search_vector"], IsUnique: false, IsDescending: [false], Method: "gin"),
            // Added by the conventions: the partial index cannot serve the foreign key (dotnet/efcore#24237).
            new IndexShape("ix_worksheets_assigned_to_user_id", ["assigned_to_user_id"], IsUnique: false, IsDescending: [false]),
            new IndexShape("ix_worksheets_created_by_user_id", ["created_by_user_id"], IsUnique: false, IsDescending: [false]),
        });
    }

    [Fact]
    public void Worksheets_status_index_is_pruned_as_a_prefix_of_the_status_created_at_index()
    {
        PrunedIndexesOf(_model, "worksheets").Should().BeEquivalentTo(new[]
        {
            new PrunedIndex("ix_worksheets_status", "worksheets", ["status"], PrunedIndexReason.PrefixOfIndex, "ix_worksheets_status_created_at"),
            new PrunedIndex(
                "ix_worksheets_machine_id", "worksheets", ["machine_id"], PrunedIndexReason.ForeignKeyCovered, "ix_worksheets_machine_id_created_at"),
        });
    }

    [Fact]
    public void Worksheet_parts_have_a_composite_primary_key_and_a_positive_quantity()
    {
        var table = _model.FindEntityType(typeof(WorksheetPart))!.GetTableMappings().Single().Table;

        table.PrimaryKey!.Name.Should().Be("pk_worksheet_parts");
        table.PrimaryKey.Columns.Select(c => c.Name).Should().Equal("worksheet_id", "part_id");
        CheckConstraintsOf<WorksheetPart>(_model).Should().BeEquivalentTo(new Dictionary<string, string>
        {
            ["ck_worksheet_parts_quantity"] = "quantity > 0",
        });
        ForeignKeysOf<WorksheetPart>(_model).Should().BeEquivalentTo(new[]
        {
            new ForeignKeyShape("fk_worksheet_parts_worksheets_worksheet_id", ["worksheet_id"], "worksheets", ReferentialAction.Cascade),
            new ForeignKeyShape("fk_worksheet_parts_parts_part_id", ["part_id"], "parts", ReferentialAction.Restrict),
        });
    }

    [Fact]
    public void Worksheet_parts_worksheet_index_is_pruned_as_a_prefix_of_the_primary_key_and_only_part_id_gets_a_foreign_key_index()
    {
        IndexesOf<WorksheetPart>(_model).Should().BeEquivalentTo(new[]
        {
            new IndexShape("ix_worksheet_parts_part_id", ["part_id"], IsUnique: false, IsDescending: [false]),
        });
        PrunedIndexesOf(_model, "worksheet_parts").Should().BeEquivalentTo(new[]
        {
            new PrunedIndex(
                "ix_worksheet_parts_worksheet_id", "worksheet_parts", ["worksheet_id"], PrunedIndexReason.PrefixOfKey, "pk_worksheet_parts"),
        });
    }

    [Fact]
    public void Worksheets_area_reports_no_index_as_pruned_that_is_still_in_the_model()
    {
        PrunedIndexNamesStillInModel(_model, "worksheets", "worksheet_parts").Should().BeEmpty();
    }
}
