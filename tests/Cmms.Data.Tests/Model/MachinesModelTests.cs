using Cmms.Data.Conventions;
using Cmms.Data.Machines;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using static Cmms.Data.Tests.Model.ModelShapes;

namespace Cmms.Data.Tests.Model;

public class MachinesModelTests(ModelFixture fixture) : IClassFixture<ModelFixture>
{
    private readonly IModel _model = fixture.Model;

    [Fact]
    public void Machines_table_has_the_spec_columns_with_their_store_types()
    {
        ColumnsOf<Machine>(_model).Should().BeEquivalentTo(new Dictionary<string, (string, bool)>
        {
            ["id"] = ("bigint", false),
            ["serial_number"] = ("character varying(100)", false),
            ["production_line_id"] = ("bigint", false),
            ["name"] = ("character varying(200)", false),
            ["status"] = ("character varying(20)", false),
            ["attributes"] = ("jsonb", true),
            ["created_at"] = ("timestamp with time zone", false),
        });
    }

    [Fact]
    public void Machines_table_restricts_deleting_its_production_line()
    {
        ForeignKeysOf<Machine>(_model).Should().BeEquivalentTo(new[]
        {
            new ForeignKeyShape("fk_machines_production_lines_production_line_id", ["production_line_id"], "production_lines", ReferentialAction.Restrict),
        });
    }

    [Fact]
    public void Machines_table_has_unique_serial_number_and_gin_attributes_indexes()
    {
        IndexesOf<Machine>(_model).Should().BeEquivalentTo(new[]
        {
            new IndexShape("ux_machines_serial_number", ["serial_number"], IsUnique: true, IsDescending: [false]),
            new IndexShape("ix_machines_production_line_id_status", ["production_line_id", "status"], IsUnique: false, IsDescending: [false, false]),
            new IndexShape(
                "ix_machines_attributes", ["attributes"], IsUnique: false, IsDescending: [false], Method: "gin", Operators: ["jsonb_path_ops"]),
        });
    }

    [Fact]
    public void Duplicate_serial_number_index_is_pruned_and_the_foreign_key_is_served_by_the_line_status_index()
    {
        PrunedIndexesOf(_model, "machines").Should().BeEquivalentTo(new[]
        {
            new PrunedIndex("ix_machines_serial_number", "machines", ["serial_number"], PrunedIndexReason.DuplicateOfIndex, "ux_machines_serial_number"),
            new PrunedIndex(
                "ix_machines_production_line_id", "machines", ["production_line_id"], PrunedIndexReason.ForeignKeyCovered,
                "ix_machines_production_line_id_status"),
        });
    }

    [Fact]
    public void Parts_table_has_numeric_unit_cost_and_non_negative_checks()
    {
        ColumnsOf<Part>(_model).Should().BeEquivalentTo(new Dictionary<string, (string, bool)>
        {
            ["id"] = ("bigint", false),
            ["part_number"] = ("character varying(50)", false),
            ["name"] = ("character varying(200)", false),
            ["quantity_on_hand"] = ("integer", false),
            ["unit_cost"] = ("numeric(12,2)", false),
        });
        CheckConstraintsOf<Part>(_model).Should().BeEquivalentTo(new Dictionary<string, string>
        {
            ["ck_parts_quantity_on_hand"] = "quantity_on_hand >= 0",
            ["ck_parts_unit_cost"] = "unit_cost >= 0",
        });
        IndexesOf<Part>(_model).Should().BeEquivalentTo(new[]
        {
            new IndexShape("ux_parts_part_number", ["part_number"], IsUnique: true, IsDescending: [false]),
        });
    }

    [Fact]
    public void Production_lines_table_has_unique_name_index()
    {
        IndexesOf<ProductionLine>(_model).Should().BeEquivalentTo(new[]
        {
            new IndexShape("ux_production_lines_name", ["name"], IsUnique: true, IsDescending: [false]),
        });
    }

    [Fact]
    public void Stock_transactions_keep_movements_of_a_deleted_worksheet_and_forbid_zero_quantities()
    {
        CheckConstraintsOf<StockTransaction>(_model).Should().BeEquivalentTo(new Dictionary<string, string>
        {
            ["ck_stock_transactions_quantity"] = "quantity <> 0",
        });
        ForeignKeysOf<StockTransaction>(_model).Should().BeEquivalentTo(new[]
        {
            new ForeignKeyShape("fk_stock_transactions_parts_part_id", ["part_id"], "parts", ReferentialAction.Restrict),
            new ForeignKeyShape("fk_stock_transactions_worksheets_worksheet_id", ["worksheet_id"], "worksheets", ReferentialAction.SetNull),
        });
    }

    [Fact]
    public void Stock_transactions_index_part_movements_newest_first_and_the_worksheet_foreign_key()
    {
        IndexesOf<StockTransaction>(_model).Should().BeEquivalentTo(new[]
        {
            new IndexShape("ix_stock_transactions_part_id_occurred_at", ["part_id", "occurred_at"], IsUnique: false, IsDescending: [false, true]),
            new IndexShape("ix_stock_transactions_reference", ["reference"], IsUnique: false, IsDescending: [false]),
            new IndexShape("ix_stock_transactions_occurred_at", ["occurred_at"], IsUnique: false, IsDescending: [false]),
            new IndexShape("ix_stock_transactions_worksheet_id", ["worksheet_id"], IsUnique: false, IsDescending: [false]),
        });
        PrunedIndexesOf(_model, "stock_transactions").Should().BeEquivalentTo(new[]
        {
            new PrunedIndex(
                "ix_stock_transactions_part_id", "stock_transactions", ["part_id"], PrunedIndexReason.ForeignKeyCovered,
                "ix_stock_transactions_part_id_occurred_at"),
        });
    }

    [Fact]
    public void Pm_tasks_due_date_index_is_partial_on_active_tasks()
    {
        ColumnsOf<PmTask>(_model).Should().BeEquivalentTo(new Dictionary<string, (string, bool)>
        {
            ["id"] = ("bigint", false),
            ["machine_id"] = ("bigint", false),
            ["description"] = ("text", false),
            ["interval_days"] = ("integer", false),
            ["next_due_date"] = ("date", false),
            ["is_active"] = ("boolean", false),
        });
        CheckConstraintsOf<PmTask>(_model).Should().BeEquivalentTo(new Dictionary<string, string>
        {
            ["ck_pm_tasks_interval_days"] = "interval_days > 0",
        });
        ForeignKeysOf<PmTask>(_model).Should().BeEquivalentTo(new[]
        {
            new ForeignKeyShape("fk_pm_tasks_machines_machine_id", ["machine_id"], "machines", ReferentialAction.Restrict),
        });
        IndexesOf<PmTask>(_model).Should().BeEquivalentTo(new[]
        {
            new IndexShape("ix_pm_tasks_next_due_date", ["next_due_date"], IsUnique: false, IsDescending: [false], Filter: "is_active"),
            new IndexShape("ix_pm_tasks_machine_id", ["machine_id"], IsUnique: false, IsDescending: [false]),
        });
    }

    [Fact]
    public void Machines_area_reports_no_index_as_pruned_that_is_still_in_the_model()
    {
        PrunedIndexNamesStillInModel(_model, "production_lines", "machines", "parts", "stock_transactions", "pm_tasks")
            .Should().BeEmpty();
    }
}
