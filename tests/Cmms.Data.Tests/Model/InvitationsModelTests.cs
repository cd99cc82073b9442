using Cmms.Data.Conventions;
using Cmms.Data.Invitations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using static Cmms.Data.Tests.Model.ModelShapes;

namespace Cmms.Data.Tests.Model;

// Index lists are compared sorted by name with strict ordering, so that key column order and sort flags count.
public class InvitationsModelTests(ModelFixture fixture) : IClassFixture<ModelFixture>
{
    private readonly IModel _model = fixture.Model;

    [Fact]
    public void Invitations_table_has_the_spec_columns_with_their_store_types()
    {
        ColumnsOf<Invitation>(_model).Should().BeEquivalentTo(new Dictionary<string, (string, bool)>
        {
            ["id"] = ("bigint", false),
            ["user_id"] = ("bigint", false),
            ["order_id"] = ("bigint", false),
            ["template_id"] = ("bigint", false),
            ["slug"] = ("character varying(100)", false),
            ["is_active"] = ("boolean", false),
            ["event_date"] = ("date", false),
            ["link_expires_at"] = ("timestamp with time zone", true),
            ["created_at"] = ("timestamp with time zone", false),
        });
    }

    [Fact]
    public void Invitation_view_logs_store_the_viewer_address_as_inet()
    {
        ColumnsOf<InvitationViewLog>(_model).Should().BeEquivalentTo(new Dictionary<string, (string, bool)>
        {
            ["id"] = ("bigint", false),
            ["invitation_id"] = ("bigint", false),
            ["viewed_at"] = ("timestamp with time zone", false),
            ["ip_address"] = ("inet", true),
        });
    }

    [Fact]
    public void Guests_have_a_nullable_attending_answer_and_a_short_phone()
    {
        ColumnsOf<Guest>(_model).Should().BeEquivalentTo(new Dictionary<string, (string, bool)>
        {
            ["id"] = ("bigint", false),
            ["invitation_id"] = ("bigint", false),
            ["name"] = ("character varying(200)", false),
            ["phone"] = ("character varying(32)", false),
            ["attending"] = ("boolean", true),
            ["viewed_at"] = ("timestamp with time zone", true),
        });
    }

    [Fact]
    public void Templates_use_count_is_checked_non_negative()
    {
        CheckConstraintsOf<Template>(_model).Should().BeEquivalentTo(new Dictionary<string, string>
        {
            ["ck_templates_use_count"] = "use_count >= 0",
        });
    }

    [Fact]
    public void Templates_and_invitations_restrict_deleting_what_they_reference()
    {
        ForeignKeysOf<Template>(_model).Should().BeEquivalentTo(new[]
        {
            new ForeignKeyShape("fk_templates_plans_plan_id", ["plan_id"], "plans", ReferentialAction.Restrict),
            new ForeignKeyShape(
                "fk_templates_invitation_categories_category_id", ["category_id"], "invitation_categories", ReferentialAction.Restrict),
        });
        ForeignKeysOf<Invitation>(_model).Should().BeEquivalentTo(new[]
        {
            new ForeignKeyShape("fk_invitations_users_user_id", ["user_id"], "users", ReferentialAction.Restrict),
            new ForeignKeyShape("fk_invitations_orders_order_id", ["order_id"], "orders", ReferentialAction.Restrict),
            new ForeignKeyShape("fk_invitations_templates_template_id", ["template_id"], "templates", ReferentialAction.Restrict),
        });
    }

    [Fact]
    public void Guests_and_view_logs_are_deleted_with_their_invitation()
    {
        ForeignKeysOf<Guest>(_model).Should().BeEquivalentTo(new[]
        {
            new ForeignKeyShape("fk_guests_invitations_invitation_id", ["invitation_id"], "invitations", ReferentialAction.Cascade),
        });
        ForeignKeysOf<InvitationViewLog>(_model).Should().BeEquivalentTo(new[]
        {
            new ForeignKeyShape(
                "fk_invitation_view_logs_invitations_invitation_id", ["invitation_id"], "invitations", ReferentialAction.Cascade),
        });
    }

    [Fact]
    public void Invitation_categories_keep_the_unique_code_and_the_listing_index()
    {
        IndexesOf<InvitationCategory>(_model).OrderBy(i => i.Name, StringComparer.Ordinal).Should().BeEquivalentTo(
            new[]
            {
                new IndexShape(
                    "ix_invitation_categories_is_active_sort_order", ["is_active", "sort_order"], IsUnique: false, IsDescending: [false, false]),
                new IndexShape("ux_invitation_categories_code", ["code"], IsUnique: true, IsDescending: [false]),
            },
            o => o.WithStrictOrdering());
        PrunedIndexesOf(_model, "invitation_categories").Should().BeEmpty();
    }

    [Fact]
    public void Templates_keep_six_of_their_seven_declared_indexes_and_get_no_foreign_key_index_of_their_own()
    {
        IndexesOf<Template>(_model).OrderBy(i => i.Name, StringComparer.Ordinal).Should().BeEquivalentTo(
            new[]
            {
                new IndexShape("ix_templates_animation_type_is_active", ["animation_type", "is_active"], IsUnique: false, IsDescending: [false, false]),
                new IndexShape("ix_templates_category_id_is_active", ["category_id", "is_active"], IsUnique: false, IsDescending: [false, false]),
                new IndexShape("ix_templates_is_active_use_count", ["is_active", "use_count"], IsUnique: false, IsDescending: [false, true]),
                new IndexShape("ix_templates_is_premium_is_active", ["is_premium", "is_active"], IsUnique: false, IsDescending: [false, false]),
                new IndexShape(
                    "ix_templates_plan_id_category_id_is_active", ["plan_id", "category_id", "is_active"], IsUnique: false,
                    IsDescending: [false, false, false]),
                new IndexShape("ix_templates_plan_id_is_active", ["plan_id", "is_active"], IsUnique: false, IsDescending: [false, false]),
            },
            o => o.WithStrictOrdering());
    }

    [Fact]
    public void Templates_is_active_index_is_pruned_as_a_prefix_of_the_is_active_use_count_index()
    {
        PrunedIndexesOf(_model, "templates").Should().BeEquivalentTo(
            new[]
            {
                new PrunedIndex(
                    "ix_templates_category_id", "templates", ["category_id"], PrunedIndexReason.ForeignKeyCovered,
                    "ix_templates_category_id_is_active"),
                new PrunedIndex(
                    "ix_templates_is_active", "templates", ["is_active"], PrunedIndexReason.PrefixOfIndex, "ix_templates_is_active_use_count"),
                new PrunedIndex(
                    "ix_templates_plan_id", "templates", ["plan_id"], PrunedIndexReason.ForeignKeyCovered, "ix_templates_plan_id_is_active"),
            },
            o => o.WithStrictOrdering());
    }

    [Fact]
    public void Invitations_keep_all_seven_declared_indexes()
    {
        IndexesOf<Invitation>(_model).OrderBy(i => i.Name, StringComparer.Ordinal).Should().BeEquivalentTo(
            new[]
            {
                new IndexShape("ix_invitations_event_date", ["event_date"], IsUnique: false, IsDescending: [false]),
                new IndexShape(
                    "ix_invitations_is_active_link_expires_at", ["is_active", "link_expires_at"], IsUnique: false, IsDescending: [false, false]),
                new IndexShape("ix_invitations_order_id", ["order_id"], IsUnique: false, IsDescending: [false]),
                new IndexShape("ix_invitations_template_id", ["template_id"], IsUnique: false, IsDescending: [false]),
                new IndexShape("ix_invitations_user_id_created_at", ["user_id", "created_at"], IsUnique: false, IsDescending: [false, true]),
                new IndexShape("ix_invitations_user_id_is_active", ["user_id", "is_active"], IsUnique: false, IsDescending: [false, false]),
                new IndexShape("ux_invitations_slug", ["slug"], IsUnique: true, IsDescending: [false]),
            },
            o => o.WithStrictOrdering());
    }

    [Fact]
    public void Invitations_user_foreign_key_is_served_by_a_declared_index_and_the_declared_foreign_key_indexes_are_not_reported_as_pruned()
    {
        PrunedIndexesOf(_model, "invitations").Should().BeEquivalentTo(new[]
        {
            new PrunedIndex(
                "ix_invitations_user_id", "invitations", ["user_id"], PrunedIndexReason.ForeignKeyCovered, "ix_invitations_user_id_created_at"),
        });
    }

    [Fact]
    public void Guests_keep_both_indexes_leading_with_invitation_id_and_get_no_separate_foreign_key_index()
    {
        IndexesOf<Guest>(_model).OrderBy(i => i.Name, StringComparer.Ordinal).Should().BeEquivalentTo(
            new[]
            {
                new IndexShape("ix_guests_attending", ["attending"], IsUnique: false, IsDescending: [false]),
                new IndexShape("ix_guests_invitation_id_attending", ["invitation_id", "attending"], IsUnique: false, IsDescending: [false, false]),
                new IndexShape("ix_guests_invitation_id_viewed_at", ["invitation_id", "viewed_at"], IsUnique: false, IsDescending: [false, true]),
                new IndexShape("ux_guests_invitation_id_phone", ["invitation_id", "phone"], IsUnique: true, IsDescending: [false, false]),
            },
            o => o.WithStrictOrdering());
        PrunedIndexesOf(_model, "guests").Should().BeEquivalentTo(new[]
        {
            new PrunedIndex(
                "ix_guests_invitation_id", "guests", ["invitation_id"], PrunedIndexReason.ForeignKeyCovered, "ux_guests_invitation_id_phone"),
        });
    }

    [Fact]
    public void Invitation_view_logs_keep_their_three_indexes_and_the_invitation_foreign_key_uses_the_newest_first_one()
    {
        IndexesOf<InvitationViewLog>(_model).OrderBy(i => i.Name, StringComparer.Ordinal).Should().BeEquivalentTo(
            new[]
            {
                new IndexShape(
                    "ix_invitation_view_logs_invitation_id_viewed_at", ["invitation_id", "viewed_at"], IsUnique: false,
                    IsDescending: [false, true]),
                new IndexShape(
                    "ix_invitation_view_logs_ip_address_viewed_at", ["ip_address", "viewed_at"], IsUnique: false, IsDescending: [false, false]),
                new IndexShape("ix_invitation_view_logs_viewed_at", ["viewed_at"], IsUnique: false, IsDescending: [false]),
            },
            o => o.WithStrictOrdering());
        PrunedIndexesOf(_model, "invitation_view_logs").Should().BeEquivalentTo(new[]
        {
            new PrunedIndex(
                "ix_invitation_view_logs_invitation_id", "invitation_view_logs", ["invitation_id"], PrunedIndexReason.ForeignKeyCovered,
                "ix_invitation_view_logs_invitation_id_viewed_at"),
        });
    }

    [Fact]
    public void Invitations_area_reports_no_index_as_pruned_that_is_still_in_the_model()
    {
        PrunedIndexNamesStillInModel(_model, "invitation_categories", "templates", "invitations", "guests", "invitation_view_logs")
            .Should().BeEmpty();
    }
}
