using Cmms.Data.Conventions;
using Cmms.Data.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using static Cmms.Data.Tests.Model.ModelShapes;

namespace Cmms.Data.Tests.Model;

public class UsersModelTests(ModelFixture fixture) : IClassFixture<ModelFixture>
{
    private readonly IModel _model = fixture.Model;

    [Fact]
    public void Users_table_has_the_spec_columns_with_their_store_types()
    {
        ColumnsOf<User>(_model).Should().BeEquivalentTo(new Dictionary<string, (string, bool)>
        {
            ["id"] = ("bigint", false),
            ["username"] = ("character varying(100)", false),
            ["email"] = ("character varying(256)", false),
            ["normalized_email"] = ("character varying(256)", false),
            ["role_id"] = ("bigint", false),
            ["is_active"] = ("boolean", false),
            ["is_phone_verified"] = ("boolean", false),
            ["is_blocked"] = ("boolean", false),
            ["current_plan_id"] = ("bigint", true),
            ["created_at"] = ("timestamp with time zone", false),
            ["last_login_at"] = ("timestamp with time zone", true),
            ["preferences"] = ("jsonb", true),
        });
    }

    [Fact]
    public void Users_table_restricts_deleting_its_role_and_clears_a_deleted_plan()
    {
        ForeignKeysOf<User>(_model).Should().BeEquivalentTo(new[]
        {
            new ForeignKeyShape("fk_users_roles_role_id", ["role_id"], "roles", ReferentialAction.Restrict),
            new ForeignKeyShape("fk_users_plans_current_plan_id", ["current_plan_id"], "plans", ReferentialAction.SetNull),
        });
    }

    [Fact]
    public void Users_table_has_unique_normalized_email_index()
    {
        IndexesOf<User>(_model).Should().ContainEquivalentOf(
            new IndexShape("ux_users_normalized_email", ["normalized_email"], IsUnique: true, IsDescending: [false]));
    }

    [Fact]
    public void Users_table_keeps_its_declared_indexes_except_the_duplicate_username_index_and_indexes_the_role_foreign_key()
    {
        IndexesOf<User>(_model).Should().BeEquivalentTo(new[]
        {
            new IndexShape("ux_users_username", ["username"], IsUnique: true, IsDescending: [false]),
            new IndexShape("ux_users_normalized_email", ["normalized_email"], IsUnique: true, IsDescending: [false]),
            new IndexShape("ix_users_is_active_is_phone_verified", ["is_active", "is_phone_verified"], IsUnique: false, IsDescending: [false, false]),
            new IndexShape("ix_users_created_at", ["created_at"], IsUnique: false, IsDescending: [true]),
            new IndexShape("ix_users_current_plan_id", ["current_plan_id"], IsUnique: false, IsDescending: [false]),
            new IndexShape("ix_users_role_id", ["role_id"], IsUnique: false, IsDescending: [false]),
        });
    }

    [Fact]
    public void Duplicate_username_index_is_pruned_as_a_duplicate_of_the_unique_username_index()
    {
        PrunedIndexesOf(_model, "users").Should().ContainEquivalentOf(
            new PrunedIndex("ix_users_username", "users", ["username"], PrunedIndexReason.DuplicateOfIndex, "ux_users_username"));
    }

    [Fact]
    public void Users_area_reports_no_index_as_pruned_that_is_still_in_the_model()
    {
        PrunedIndexNamesStillInModel(
                _model, "roles", "users", "user_sessions", "api_keys", "user_activity_logs", "phone_verifications", "audit_logs")
            .Should().BeEmpty();
    }

    [Fact]
    public void User_sessions_live_session_index_is_partial_and_descending_on_expiry()
    {
        IndexesOf<UserSession>(_model).Should().BeEquivalentTo(new[]
        {
            new IndexShape("ux_user_sessions_token_hash", ["token_hash"], IsUnique: true, IsDescending: [false]),
            new IndexShape(
                "ix_user_sessions_user_id_expires_at", ["user_id", "expires_at"], IsUnique: false, IsDescending: [false, true],
                Filter: "revoked_at IS NULL"),
            // The only declared index leading with user_id is partial, so the foreign key gets a full one.
            new IndexShape("ix_user_sessions_user_id", ["user_id"], IsUnique: false, IsDescending: [false]),
        });
    }

    [Fact]
    public void Rows_owned_by_a_user_are_deleted_with_the_user()
    {
        var foreignKeys = ForeignKeysOf<UserSession>(_model)
            .Concat(ForeignKeysOf<ApiKey>(_model))
            .Concat(ForeignKeysOf<UserActivityLog>(_model))
            .Concat(ForeignKeysOf<PhoneVerification>(_model));

        foreignKeys.Should().BeEquivalentTo(new[]
        {
            new ForeignKeyShape("fk_user_sessions_users_user_id", ["user_id"], "users", ReferentialAction.Cascade),
            new ForeignKeyShape("fk_api_keys_users_user_id", ["user_id"], "users", ReferentialAction.Cascade),
            new ForeignKeyShape("fk_user_activity_logs_users_user_id", ["user_id"], "users", ReferentialAction.Cascade),
            new ForeignKeyShape("fk_phone_verifications_users_user_id", ["user_id"], "users", ReferentialAction.Cascade),
        });
    }

    [Fact]
    public void Api_keys_get_no_foreign_key_index_because_the_user_id_is_active_index_serves_it()
    {
        IndexesOf<ApiKey>(_model).Should().BeEquivalentTo(new[]
        {
            new IndexShape("ux_api_keys_key_hash", ["key_hash"], IsUnique: true, IsDescending: [false]),
            new IndexShape("ix_api_keys_user_id_is_active", ["user_id", "is_active"], IsUnique: false, IsDescending: [false, false]),
        });
        PrunedIndexesOf(_model, "api_keys").Should().BeEquivalentTo(new[]
        {
            new PrunedIndex("ix_api_keys_user_id", "api_keys", ["user_id"], PrunedIndexReason.ForeignKeyCovered, "ix_api_keys_user_id_is_active"),
        });
    }

    [Fact]
    public void User_activity_logs_keep_all_four_declared_indexes_and_serve_the_foreign_key_with_them()
    {
        IndexesOf<UserActivityLog>(_model).Should().BeEquivalentTo(new[]
        {
            new IndexShape("ix_user_activity_logs_user_id_created_at", ["user_id", "created_at"], IsUnique: false, IsDescending: [false, true]),
            new IndexShape("ix_user_activity_logs_user_id_activity_type", ["user_id", "activity_type"], IsUnique: false, IsDescending: [false, false]),
            new IndexShape("ix_user_activity_logs_created_at", ["created_at"], IsUnique: false, IsDescending: [false]),
            new IndexShape("ix_user_activity_logs_activity_type_created_at", ["activity_type", "created_at"], IsUnique: false, IsDescending: [false, false]),
        });
        // Two declared indexes lead with user_id; the rules pick the shorter, then the first by name.
        PrunedIndexesOf(_model, "user_activity_logs").Should().BeEquivalentTo(new[]
        {
            new PrunedIndex(
                "ix_user_activity_logs_user_id", "user_activity_logs", ["user_id"], PrunedIndexReason.ForeignKeyCovered,
                "ix_user_activity_logs_user_id_activity_type"),
        });
    }

    [Fact]
    public void Phone_verifications_unused_code_index_is_partial_on_not_is_used()
    {
        IndexesOf<PhoneVerification>(_model).Should().BeEquivalentTo(new[]
        {
            new IndexShape("ix_phone_verifications_user_id_created_at", ["user_id", "created_at"], IsUnique: false, IsDescending: [false, true]),
            new IndexShape("ix_phone_verifications_user_id_unused", ["user_id"], IsUnique: false, IsDescending: [false], Filter: "NOT is_used"),
            new IndexShape("ix_phone_verifications_expires_at", ["expires_at"], IsUnique: false, IsDescending: [false]),
        });
    }

    [Fact]
    public void Audit_logs_keep_the_trail_of_a_deleted_user_and_index_changes_with_gin_jsonb_path_ops()
    {
        ColumnsOf<AuditLog>(_model).Should().BeEquivalentTo(new Dictionary<string, (string, bool)>
        {
            ["id"] = ("bigint", false),
            ["user_id"] = ("bigint", true),
            ["entity_type"] = ("character varying(100)", false),
            ["entity_id"] = ("character varying(64)", false),
            ["action"] = ("character varying(20)", false),
            ["occurred_at"] = ("timestamp with time zone", false),
            ["changes"] = ("jsonb", true),
        });
        ForeignKeysOf<AuditLog>(_model).Should().BeEquivalentTo(new[]
        {
            new ForeignKeyShape("fk_audit_logs_users_user_id", ["user_id"], "users", ReferentialAction.SetNull),
        });
        IndexesOf<AuditLog>(_model).Should().BeEquivalentTo(new[]
        {
            new IndexShape(
                "ix_audit_logs_entity_type_entity_id_occurred_at", ["entity_type", "entity_id", "occurred_at"], IsUnique: false,
                IsDescending: [false, false, true]),
            new IndexShape("ix_audit_logs_occurred_at", ["occurred_at"], IsUnique: false, IsDescending: [false]),
            new IndexShape(
                "ix_audit_logs_changes", ["changes"], IsUnique: false, IsDescending: [false], Method: "gin", Operators: ["jsonb_path_ops"]),
            new IndexShape("ix_audit_logs_user_id", ["user_id"], IsUnique: false, IsDescending: [false]),
        });
    }

    [Fact]
    public void Roles_table_has_unique_name_index()
    {
        IndexesOf<Role>(_model).Should().BeEquivalentTo(new[]
        {
            new IndexShape("ux_roles_name", ["name"], IsUnique: true, IsDescending: [false]),
        });
    }
}
