using Cmms.Data.Conventions;
using Cmms.Data.Orders;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using static Cmms.Data.Tests.Model.ModelShapes;

namespace Cmms.Data.Tests.Model;

public class OrdersModelTests(ModelFixture fixture) : IClassFixture<ModelFixture>
{
    private readonly IModel _model = fixture.Model;

    [Fact]
    public void Orders_table_has_the_spec_columns_with_their_store_types()
    {
        ColumnsOf<Order>(_model).Should().BeEquivalentTo(new Dictionary<string, (string, bool)>
        {
            ["id"] = ("bigint", false),
            ["user_id"] = ("bigint", false),
            ["plan_id"] = ("bigint", false),
            ["status"] = ("character varying(20)", false),
            ["total_amount"] = ("numeric(12,2)", false),
            ["created_at"] = ("timestamp with time zone", false),
            ["approved_at"] = ("timestamp with time zone", true),
        });
        CheckConstraintsOf<Order>(_model).Should().BeEquivalentTo(new Dictionary<string, string>
        {
            ["ck_orders_total_amount"] = "total_amount >= 0",
        });
    }

    [Fact]
    public void Orders_table_restricts_deleting_the_buyer_and_the_plan()
    {
        ForeignKeysOf<Order>(_model).Should().BeEquivalentTo(new[]
        {
            new ForeignKeyShape("fk_orders_users_user_id", ["user_id"], "users", ReferentialAction.Restrict),
            new ForeignKeyShape("fk_orders_plans_plan_id", ["plan_id"], "plans", ReferentialAction.Restrict),
        });
    }

    [Fact]
    public void Orders_table_keeps_five_of_the_shops_seven_indexes_and_indexes_the_plan_foreign_key()
    {
        IndexesOf<Order>(_model).Should().BeEquivalentTo(new[]
        {
            new IndexShape("ix_orders_status_created_at", ["status", "created_at"], IsUnique: false, IsDescending: [false, true]),
            new IndexShape("ix_orders_user_id_created_at", ["user_id", "created_at"], IsUnique: false, IsDescending: [false, true]),
            new IndexShape("ix_orders_created_at", ["created_at"], IsUnique: false, IsDescending: [false]),
            new IndexShape("ix_orders_approved_at", ["approved_at"], IsUnique: false, IsDescending: [false]),
            new IndexShape(
                "ix_orders_user_id_status_created_at", ["user_id", "status", "created_at"], IsUnique: false, IsDescending: [false, false, true]),
            new IndexShape("ix_orders_plan_id", ["plan_id"], IsUnique: false, IsDescending: [false]),
        });
    }

    [Fact]
    public void Orders_prefix_indexes_are_pruned_in_favour_of_their_created_at_extensions()
    {
        PrunedIndexesOf(_model, "orders").Should().BeEquivalentTo(new[]
        {
            new PrunedIndex(
                "ix_orders_user_id_status", "orders", ["user_id", "status"], PrunedIndexReason.PrefixOfIndex, "ix_orders_user_id_status_created_at"),
            new PrunedIndex("ix_orders_status", "orders", ["status"], PrunedIndexReason.PrefixOfIndex, "ix_orders_status_created_at"),
            new PrunedIndex("ix_orders_user_id", "orders", ["user_id"], PrunedIndexReason.ForeignKeyCovered, "ix_orders_user_id_created_at"),
        });
    }

    [Fact]
    public void Plans_table_has_numeric_price_and_unique_code_index()
    {
        ColumnsOf<Plan>(_model).Should().BeEquivalentTo(new Dictionary<string, (string, bool)>
        {
            ["id"] = ("bigint", false),
            ["code"] = ("character varying(50)", false),
            ["name"] = ("character varying(100)", false),
            ["price"] = ("numeric(12,2)", false),
            ["is_active"] = ("boolean", false),
            ["sort_order"] = ("integer", false),
        });
        IndexesOf<Plan>(_model).Should().BeEquivalentTo(new[]
        {
            new IndexShape("ux_plans_code", ["code"], IsUnique: true, IsDescending: [false]),
            new IndexShape("ix_plans_is_active_sort_order", ["is_active", "sort_order"], IsUnique: false, IsDescending: [false, false]),
        });
    }

    [Fact]
    public void Duplicate_plan_code_index_is_pruned_as_a_duplicate_of_the_unique_code_index()
    {
        PrunedIndexesOf(_model, "plans").Should().BeEquivalentTo(new[]
        {
            new PrunedIndex("ix_plans_code", "plans", ["code"], PrunedIndexReason.DuplicateOfIndex, "ux_plans_code"),
        });
    }

    [Fact]
    public void Orders_area_reports_no_index_as_pruned_that_is_still_in_the_model()
    {
        PrunedIndexNamesStillInModel(_model, "plans", "orders").Should().BeEmpty();
    }
}
