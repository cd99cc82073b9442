using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cmms.Data.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class AddIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_worksheets_machine_id",
                table: "worksheets");

            migrationBuilder.DropIndex(
                name: "ix_user_interactions_track_id",
                table: "user_interactions");

            migrationBuilder.DropIndex(
                name: "ix_user_interactions_user_id",
                table: "user_interactions");

            migrationBuilder.DropIndex(
                name: "ix_user_activity_logs_user_id",
                table: "user_activity_logs");

            migrationBuilder.DropIndex(
                name: "ix_tracks_artist_id",
                table: "tracks");

            migrationBuilder.DropIndex(
                name: "ix_templates_category_id",
                table: "templates");

            migrationBuilder.DropIndex(
                name: "ix_templates_plan_id",
                table: "templates");

            migrationBuilder.DropIndex(
                name: "ix_stock_transactions_part_id",
                table: "stock_transactions");

            migrationBuilder.DropIndex(
                name: "ix_phone_verifications_user_id",
                table: "phone_verifications");

            migrationBuilder.DropIndex(
                name: "ix_orders_user_id",
                table: "orders");

            migrationBuilder.DropIndex(
                name: "ix_machines_production_line_id",
                table: "machines");

            migrationBuilder.DropIndex(
                name: "ix_invitations_user_id",
                table: "invitations");

            migrationBuilder.DropIndex(
                name: "ix_invitation_view_logs_invitation_id",
                table: "invitation_view_logs");

            migrationBuilder.DropIndex(
                name: "ix_hpo_campaigns_created_by",
                table: "hpo_campaigns");

            migrationBuilder.DropIndex(
                name: "ix_experiments_created_by",
                table: "experiments");

            migrationBuilder.DropIndex(
                name: "ix_discovery_sessions_user_id",
                table: "discovery_sessions");

            migrationBuilder.DropIndex(
                name: "ix_api_request_logs_api_key_id",
                table: "api_request_logs");

            migrationBuilder.DropIndex(
                name: "ix_api_keys_user_id",
                table: "api_keys");

            migrationBuilder.DropIndex(
                name: "ix_albums_artist_id",
                table: "albums");

            migrationBuilder.CreateIndex(
                name: "ix_worksheets_assigned_to_user_id_status",
                table: "worksheets",
                columns: new[] { "assigned_to_user_id", "status" },
                filter: "status <> 'closed'");

            migrationBuilder.CreateIndex(
                name: "ix_worksheets_machine_id_created_at",
                table: "worksheets",
                columns: new[] { "machine_id", "created_at" },
                descending: new[] { false, true });

            migrationBuilder.CreateIndex(
                name: "ix_worksheets_search_vector",
                table: "worksheets",
                column: "search_vector")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_worksheets_status_created_at",
                table: "worksheets",
                columns: new[] { "status", "created_at" },
                descending: new[] { false, true });

            migrationBuilder.CreateIndex(
                name: "ix_users_created_at",
                table: "users",
                column: "created_at",
                descending: new bool[0]);

            migrationBuilder.CreateIndex(
                name: "ix_users_is_active_is_phone_verified",
                table: "users",
                columns: new[] { "is_active", "is_phone_verified" });

            migrationBuilder.CreateIndex(
                name: "ix_user_sessions_user_id_expires_at",
                table: "user_sessions",
                columns: new[] { "user_id", "expires_at" },
                descending: new[] { false, true },
                filter: "revoked_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_user_interactions_track_id_interaction_type",
                table: "user_interactions",
                columns: new[] { "track_id", "interaction_type" });

            migrationBuilder.CreateIndex(
                name: "ix_user_interactions_user_id_created_at",
                table: "user_interactions",
                columns: new[] { "user_id", "created_at" },
                descending: new[] { false, true });

            migrationBuilder.CreateIndex(
                name: "ix_user_activity_logs_activity_type_created_at",
                table: "user_activity_logs",
                columns: new[] { "activity_type", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_user_activity_logs_created_at",
                table: "user_activity_logs",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "ix_user_activity_logs_user_id_activity_type",
                table: "user_activity_logs",
                columns: new[] { "user_id", "activity_type" });

            migrationBuilder.CreateIndex(
                name: "ix_user_activity_logs_user_id_created_at",
                table: "user_activity_logs",
                columns: new[] { "user_id", "created_at" },
                descending: new[] { false, true });

            migrationBuilder.CreateIndex(
                name: "ix_tracks_artist_id_created_at",
                table: "tracks",
                columns: new[] { "artist_id", "created_at" },
                descending: new[] { false, true });

            migrationBuilder.CreateIndex(
                name: "ix_tracks_created_at",
                table: "tracks",
                column: "created_at",
                descending: new bool[0]);

            migrationBuilder.CreateIndex(
                name: "ix_tracks_metadata",
                table: "tracks",
                column: "metadata")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "jsonb_path_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_tracks_popular",
                table: "tracks",
                column: "play_count",
                descending: new bool[0],
                filter: "play_count > 0")
                .Annotation("Npgsql:IndexInclude", new[] { "title" });

            migrationBuilder.CreateIndex(
                name: "ix_tracks_search_vector",
                table: "tracks",
                column: "search_vector")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_templates_animation_type_is_active",
                table: "templates",
                columns: new[] { "animation_type", "is_active" });

            migrationBuilder.CreateIndex(
                name: "ix_templates_category_id_is_active",
                table: "templates",
                columns: new[] { "category_id", "is_active" });

            migrationBuilder.CreateIndex(
                name: "ix_templates_is_active_use_count",
                table: "templates",
                columns: new[] { "is_active", "use_count" },
                descending: new[] { false, true });

            migrationBuilder.CreateIndex(
                name: "ix_templates_is_premium_is_active",
                table: "templates",
                columns: new[] { "is_premium", "is_active" });

            migrationBuilder.CreateIndex(
                name: "ix_templates_plan_id_category_id_is_active",
                table: "templates",
                columns: new[] { "plan_id", "category_id", "is_active" });

            migrationBuilder.CreateIndex(
                name: "ix_templates_plan_id_is_active",
                table: "templates",
                columns: new[] { "plan_id", "is_active" });

            migrationBuilder.CreateIndex(
                name: "ix_stock_transactions_occurred_at",
                table: "stock_transactions",
                column: "occurred_at");

            migrationBuilder.CreateIndex(
                name: "ix_stock_transactions_part_id_occurred_at",
                table: "stock_transactions",
                columns: new[] { "part_id", "occurred_at" },
                descending: new[] { false, true });

            migrationBuilder.CreateIndex(
                name: "ix_stock_transactions_reference",
                table: "stock_transactions",
                column: "reference");

            migrationBuilder.CreateIndex(
                name: "ix_pm_tasks_next_due_date",
                table: "pm_tasks",
                column: "next_due_date",
                filter: "is_active");

            migrationBuilder.CreateIndex(
                name: "ix_plans_is_active_sort_order",
                table: "plans",
                columns: new[] { "is_active", "sort_order" });

            migrationBuilder.CreateIndex(
                name: "ix_phone_verifications_expires_at",
                table: "phone_verifications",
                column: "expires_at");

            migrationBuilder.CreateIndex(
                name: "ix_phone_verifications_user_id_unused",
                table: "phone_verifications",
                column: "user_id",
                filter: "NOT is_used");

            migrationBuilder.CreateIndex(
                name: "ix_phone_verifications_user_id_created_at",
                table: "phone_verifications",
                columns: new[] { "user_id", "created_at" },
                descending: new[] { false, true });

            migrationBuilder.CreateIndex(
                name: "ix_orders_approved_at",
                table: "orders",
                column: "approved_at");

            migrationBuilder.CreateIndex(
                name: "ix_orders_created_at",
                table: "orders",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "ix_orders_status_created_at",
                table: "orders",
                columns: new[] { "status", "created_at" },
                descending: new[] { false, true });

            migrationBuilder.CreateIndex(
                name: "ix_orders_user_id_created_at",
                table: "orders",
                columns: new[] { "user_id", "created_at" },
                descending: new[] { false, true });

            migrationBuilder.CreateIndex(
                name: "ix_orders_user_id_status_created_at",
                table: "orders",
                columns: new[] { "user_id", "status", "created_at" },
                descending: new[] { false, false, true });

            migrationBuilder.CreateIndex(
                name: "ix_machines_attributes",
                table: "machines",
                column: "attributes")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "jsonb_path_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_machines_production_line_id_status",
                table: "machines",
                columns: new[] { "production_line_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_invitations_event_date",
                table: "invitations",
                column: "event_date");

            migrationBuilder.CreateIndex(
                name: "ix_invitations_is_active_link_expires_at",
                table: "invitations",
                columns: new[] { "is_active", "link_expires_at" });

            migrationBuilder.CreateIndex(
                name: "ix_invitations_user_id_created_at",
                table: "invitations",
                columns: new[] { "user_id", "created_at" },
                descending: new[] { false, true });

            migrationBuilder.CreateIndex(
                name: "ix_invitations_user_id_is_active",
                table: "invitations",
                columns: new[] { "user_id", "is_active" });

            migrationBuilder.CreateIndex(
                name: "ix_invitation_view_logs_invitation_id_viewed_at",
                table: "invitation_view_logs",
                columns: new[] { "invitation_id", "viewed_at" },
                descending: new[] { false, true });

            migrationBuilder.CreateIndex(
                name: "ix_invitation_view_logs_ip_address_viewed_at",
                table: "invitation_view_logs",
                columns: new[] { "ip_address", "viewed_at" });

            migrationBuilder.CreateIndex(
                name: "ix_invitation_view_logs_viewed_at",
                table: "invitation_view_logs",
                column: "viewed_at");

            migrationBuilder.CreateIndex(
                name: "ix_invitation_categories_is_active_sort_order",
                table: "invitation_categories",
                columns: new[] { "is_active", "sort_order" });

            migrationBuilder.CreateIndex(
                name: "ix_hpo_campaigns_created_by_status",
                table: "hpo_campaigns",
                columns: new[] { "created_by", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_hpo_campaigns_status",
                table: "hpo_campaigns",
                column: "status");

            migrationBuilder.CreateIndex(
                name: "ix_guests_attending",
                table: "guests",
                column: "attending");

            migrationBuilder.CreateIndex(
                name: "ix_guests_invitation_id_attending",
                table: "guests",
                columns: new[] { "invitation_id", "attending" });

            migrationBuilder.CreateIndex(
                name: "ix_guests_invitation_id_viewed_at",
                table: "guests",
                columns: new[] { "invitation_id", "viewed_at" },
                descending: new[] { false, true });

            migrationBuilder.CreateIndex(
                name: "ix_experiments_config",
                table: "experiments",
                column: "config")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "jsonb_path_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_experiments_created_at",
                table: "experiments",
                column: "created_at",
                descending: new bool[0]);

            migrationBuilder.CreateIndex(
                name: "ix_experiments_created_by_status_created_at",
                table: "experiments",
                columns: new[] { "created_by", "status", "created_at" },
                descending: new[] { false, false, true });

            migrationBuilder.CreateIndex(
                name: "ix_experiments_status",
                table: "experiments",
                column: "status");

            migrationBuilder.CreateIndex(
                name: "ix_discovery_sessions_user_id_started_at",
                table: "discovery_sessions",
                columns: new[] { "user_id", "started_at" },
                descending: new[] { false, true });

            migrationBuilder.CreateIndex(
                name: "ix_audit_logs_changes",
                table: "audit_logs",
                column: "changes")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "jsonb_path_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_audit_logs_entity_type_entity_id_occurred_at",
                table: "audit_logs",
                columns: new[] { "entity_type", "entity_id", "occurred_at" },
                descending: new[] { false, false, true });

            migrationBuilder.CreateIndex(
                name: "ix_audit_logs_occurred_at",
                table: "audit_logs",
                column: "occurred_at");

            migrationBuilder.CreateIndex(
                name: "ix_artists_normalized_name",
                table: "artists",
                column: "normalized_name");

            migrationBuilder.CreateIndex(
                name: "ix_artists_search_vector",
                table: "artists",
                column: "search_vector")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_api_request_logs_api_key_id_created_at",
                table: "api_request_logs",
                columns: new[] { "api_key_id", "created_at" },
                descending: new[] { false, true });

            migrationBuilder.CreateIndex(
                name: "ix_api_request_logs_created_at",
                table: "api_request_logs",
                column: "created_at")
                .Annotation("Npgsql:IndexMethod", "brin");

            migrationBuilder.CreateIndex(
                name: "ix_api_keys_user_id_is_active",
                table: "api_keys",
                columns: new[] { "user_id", "is_active" });

            migrationBuilder.CreateIndex(
                name: "ix_albums_artist_id_release_date",
                table: "albums",
                columns: new[] { "artist_id", "release_date" },
                descending: new[] { false, true });

            // Q23 reads the top of mv_track_popularity by plays. The view is not in the EF model (raw SQL in
            // InitialSchema), so its index is written here by hand; it goes through the same concurrent path.
            migrationBuilder.CreateIndex(
                name: "ix_mv_track_popularity_plays",
                table: "mv_track_popularity",
                column: "plays",
                descending: new[] { true });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_mv_track_popularity_plays",
                table: "mv_track_popularity");

            migrationBuilder.DropIndex(
                name: "ix_worksheets_assigned_to_user_id_status",
                table: "worksheets");

            migrationBuilder.DropIndex(
                name: "ix_worksheets_machine_id_created_at",
                table: "worksheets");

            migrationBuilder.DropIndex(
                name: "ix_worksheets_search_vector",
                table: "worksheets");

            migrationBuilder.DropIndex(
                name: "ix_worksheets_status_created_at",
                table: "worksheets");

            migrationBuilder.DropIndex(
                name: "ix_users_created_at",
                table: "users");

            migrationBuilder.DropIndex(
                name: "ix_users_is_active_is_phone_verified",
                table: "users");

            migrationBuilder.DropIndex(
                name: "ix_user_sessions_user_id_expires_at",
                table: "user_sessions");

            migrationBuilder.DropIndex(
                name: "ix_user_interactions_track_id_interaction_type",
                table: "user_interactions");

            migrationBuilder.DropIndex(
                name: "ix_user_interactions_user_id_created_at",
                table: "user_interactions");

            migrationBuilder.DropIndex(
                name: "ix_user_activity_logs_activity_type_created_at",
                table: "user_activity_logs");

            migrationBuilder.DropIndex(
                name: "ix_user_activity_logs_created_at",
                table: "user_activity_logs");

            migrationBuilder.DropIndex(
                name: "ix_user_activity_logs_user_id_activity_type",
                table: "user_activity_logs");

            migrationBuilder.DropIndex(
                name: "ix_user_activity_logs_user_id_created_at",
                table: "user_activity_logs");

            migrationBuilder.DropIndex(
                name: "ix_tracks_artist_id_created_at",
                table: "tracks");

            migrationBuilder.DropIndex(
                name: "ix_tracks_created_at",
                table: "tracks");

            migrationBuilder.DropIndex(
                name: "ix_tracks_metadata",
                table: "tracks");

            migrationBuilder.DropIndex(
                name: "ix_tracks_popular",
                table: "tracks");

            migrationBuilder.DropIndex(
                name: "ix_tracks_search_vector",
                table: "tracks");

            migrationBuilder.DropIndex(
                name: "ix_templates_animation_type_is_active",
                table: "templates");

            migrationBuilder.DropIndex(
                name: "ix_templates_category_id_is_active",
                table: "templates");

            migrationBuilder.DropIndex(
                name: "ix_templates_is_active_use_count",
                table: "templates");

            migrationBuilder.DropIndex(
                name: "ix_templates_is_premium_is_active",
                table: "templates");

            migrationBuilder.DropIndex(
                name: "ix_templates_plan_id_category_id_is_active",
                table: "templates");

            migrationBuilder.DropIndex(
                name: "ix_templates_plan_id_is_active",
                table: "templates");

            migrationBuilder.DropIndex(
                name: "ix_stock_transactions_occurred_at",
                table: "stock_transactions");

            migrationBuilder.DropIndex(
                name: "ix_stock_transactions_part_id_occurred_at",
                table: "stock_transactions");

            migrationBuilder.DropIndex(
                name: "ix_stock_transactions_reference",
                table: "stock_transactions");

            migrationBuilder.DropIndex(
                name: "ix_pm_tasks_next_due_date",
                table: "pm_tasks");

            migrationBuilder.DropIndex(
                name: "ix_plans_is_active_sort_order",
                table: "plans");

            migrationBuilder.DropIndex(
                name: "ix_phone_verifications_expires_at",
                table: "phone_verifications");

            migrationBuilder.DropIndex(
                name: "ix_phone_verifications_user_id_unused",
                table: "phone_verifications");

            migrationBuilder.DropIndex(
                name: "ix_phone_verifications_user_id_created_at",
                table: "phone_verifications");

            migrationBuilder.DropIndex(
                name: "ix_orders_approved_at",
                table: "orders");

            migrationBuilder.DropIndex(
                name: "ix_orders_created_at",
                table: "orders");

            migrationBuilder.DropIndex(
                name: "ix_orders_status_created_at",
                table: "orders");

            migrationBuilder.DropIndex(
                name: "ix_orders_user_id_created_at",
                table: "orders");

            migrationBuilder.DropIndex(
                name: "ix_orders_user_id_status_created_at",
                table: "orders");

            migrationBuilder.DropIndex(
                name: "ix_machines_attributes",
                table: "machines");

            migrationBuilder.DropIndex(
                name: "ix_machines_production_line_id_status",
                table: "machines");

            migrationBuilder.DropIndex(
                name: "ix_invitations_event_date",
                table: "invitations");

            migrationBuilder.DropIndex(
                name: "ix_invitations_is_active_link_expires_at",
                table: "invitations");

            migrationBuilder.DropIndex(
                name: "ix_invitations_user_id_created_at",
                table: "invitations");

            migrationBuilder.DropIndex(
                name: "ix_invitations_user_id_is_active",
                table: "invitations");

            migrationBuilder.DropIndex(
                name: "ix_invitation_view_logs_invitation_id_viewed_at",
                table: "invitation_view_logs");

            migrationBuilder.DropIndex(
                name: "ix_invitation_view_logs_ip_address_viewed_at",
                table: "invitation_view_logs");

            migrationBuilder.DropIndex(
                name: "ix_invitation_view_logs_viewed_at",
                table: "invitation_view_logs");

            migrationBuilder.DropIndex(
                name: "ix_invitation_categories_is_active_sort_order",
                table: "invitation_categories");

            migrationBuilder.DropIndex(
                name: "ix_hpo_campaigns_created_by_status",
                table: "hpo_campaigns");

            migrationBuilder.DropIndex(
                name: "ix_hpo_campaigns_status",
                table: "hpo_campaigns");

            migrationBuilder.DropIndex(
                name: "ix_guests_attending",
                table: "guests");

            migrationBuilder.DropIndex(
                name: "ix_guests_invitation_id_attending",
                table: "guests");

            migrationBuilder.DropIndex(
                name: "ix_guests_invitation_id_viewed_at",
                table: "guests");

            migrationBuilder.DropIndex(
                name: "ix_experiments_config",
                table: "experiments");

            migrationBuilder.DropIndex(
                name: "ix_experiments_created_at",
                table: "experiments");

            migrationBuilder.DropIndex(
                name: "ix_experiments_created_by_status_created_at",
                table: "experiments");

            migrationBuilder.DropIndex(
                name: "ix_experiments_status",
                table: "experiments");

            migrationBuilder.DropIndex(
                name: "ix_discovery_sessions_user_id_started_at",
                table: "discovery_sessions");

            migrationBuilder.DropIndex(
                name: "ix_audit_logs_changes",
                table: "audit_logs");

            migrationBuilder.DropIndex(
                name: "ix_audit_logs_entity_type_entity_id_occurred_at",
                table: "audit_logs");

            migrationBuilder.DropIndex(
                name: "ix_audit_logs_occurred_at",
                table: "audit_logs");

            migrationBuilder.DropIndex(
                name: "ix_artists_normalized_name",
                table: "artists");

            migrationBuilder.DropIndex(
                name: "ix_artists_search_vector",
                table: "artists");

            migrationBuilder.DropIndex(
                name: "ix_api_request_logs_api_key_id_created_at",
                table: "api_request_logs");

            migrationBuilder.DropIndex(
                name: "ix_api_request_logs_created_at",
                table: "api_request_logs");

            migrationBuilder.DropIndex(
                name: "ix_api_keys_user_id_is_active",
                table: "api_keys");

            migrationBuilder.DropIndex(
                name: "ix_albums_artist_id_release_date",
                table: "albums");

            migrationBuilder.CreateIndex(
                name: "ix_worksheets_machine_id",
                table: "worksheets",
                column: "machine_id");

            migrationBuilder.CreateIndex(
                name: "ix_user_interactions_track_id",
                table: "user_interactions",
                column: "track_id");

            migrationBuilder.CreateIndex(
                name: "ix_user_interactions_user_id",
                table: "user_interactions",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_user_activity_logs_user_id",
                table: "user_activity_logs",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_tracks_artist_id",
                table: "tracks",
                column: "artist_id");

            migrationBuilder.CreateIndex(
                name: "ix_templates_category_id",
                table: "templates",
                column: "category_id");

            migrationBuilder.CreateIndex(
                name: "ix_templates_plan_id",
                table: "templates",
                column: "plan_id");

            migrationBuilder.CreateIndex(
                name: "ix_stock_transactions_part_id",
                table: "stock_transactions",
                column: "part_id");

            migrationBuilder.CreateIndex(
                name: "ix_phone_verifications_user_id",
                table: "phone_verifications",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_orders_user_id",
                table: "orders",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_machines_production_line_id",
                table: "machines",
                column: "production_line_id");

            migrationBuilder.CreateIndex(
                name: "ix_invitations_user_id",
                table: "invitations",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_invitation_view_logs_invitation_id",
                table: "invitation_view_logs",
                column: "invitation_id");

            migrationBuilder.CreateIndex(
                name: "ix_hpo_campaigns_created_by",
                table: "hpo_campaigns",
                column: "created_by");

            migrationBuilder.CreateIndex(
                name: "ix_experiments_created_by",
                table: "experiments",
                column: "created_by");

            migrationBuilder.CreateIndex(
                name: "ix_discovery_sessions_user_id",
                table: "discovery_sessions",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_api_request_logs_api_key_id",
                table: "api_request_logs",
                column: "api_key_id");

            migrationBuilder.CreateIndex(
                name: "ix_api_keys_user_id",
                table: "api_keys",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_albums_artist_id",
                table: "albums",
                column: "artist_id");
        }
    }
}
