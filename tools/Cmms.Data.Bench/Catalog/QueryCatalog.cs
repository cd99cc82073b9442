using System.Globalization;
using Cmms.Data.Bench.Data;

namespace Cmms.Data.Bench.Catalog;

/// <summary>The query catalog of the schema specification as runnable SQL, with typical parameters picked from the data.</summary>
internal static class QueryCatalog
{
    private static readonly string Today = DataTimeline.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static IReadOnlyList<CatalogQuery> All { get; } =
    [
        new("Q1", "orders of a user with a status, newest first, limit 20", "orders", "ix_orders_user_id_status_created_at",
            "SELECT id, plan_id, total_amount, created_at FROM orders WHERE user_id = $1::bigint AND status = $2::text ORDER BY created_at DESC LIMIT 20",
            MedianKey("orders", "user_id", "status = 'approved'", "'approved'")),
        new("Q2", "orders with a status, newest first, limit 50", "orders", "ix_orders_status_created_at",
            "SELECT id, user_id, total_amount, created_at FROM orders WHERE status = $1::text ORDER BY created_at DESC LIMIT 50",
            "SELECT 'pending'"),
        new("Q3", "active invitations of a user", "invitations", "ix_invitations_user_id_is_active",
            "SELECT id, slug, event_date FROM invitations WHERE user_id = $1::bigint AND is_active",
            MedianKey("invitations", "user_id")),
        new("Q4", "guest by invitation and phone (duplicate RSVP check)", "guests", "ux_guests_invitation_id_phone",
            "SELECT id, attending FROM guests WHERE invitation_id = $1::bigint AND phone = $2::text",
            $"SELECT invitation_id, phone FROM guests WHERE invitation_id = ({MedianKey("guests", "invitation_id")}) ORDER BY id LIMIT 1"),
        new("Q5", "active templates of a plan and category", "templates", "ix_templates_plan_id_category_id_is_active",
            "SELECT id, name, use_count FROM templates WHERE plan_id = $1::bigint AND category_id = $2::bigint AND is_active",
            """
            WITH c AS (SELECT plan_id, category_id, count(*) AS n FROM templates WHERE is_active GROUP BY plan_id, category_id)
            SELECT plan_id, category_id FROM c ORDER BY n, plan_id, category_id OFFSET (SELECT count(*) / 2 FROM c) LIMIT 1
            """),
        new("Q6", "activity history of a user, newest first, limit 50", "user_activity_logs", "ix_user_activity_logs_user_id_created_at",
            "SELECT id, activity_type, created_at, details FROM user_activity_logs WHERE user_id = $1::bigint ORDER BY created_at DESC LIMIT 50",
            MedianKey("user_activity_logs", "user_id")),
        new("Q7", "most used active templates, limit 20", "templates", "ix_templates_is_active_use_count",
            "SELECT id, name, use_count FROM templates WHERE is_active ORDER BY use_count DESC LIMIT 20",
            null),
        new("Q8", "unused, unexpired phone codes of a user", "phone_verifications", "ix_phone_verifications_user_id_unused",
            "SELECT id, created_at, expires_at FROM phone_verifications WHERE user_id = $1::bigint AND NOT is_used AND expires_at > $2::timestamptz",
            // Checked while the code is pending (a minute after it was sent), as the verification screen does. At the
            // data's end nearly no code is unexpired, and the planner rightly prefers ix_phone_verifications_expires_at.
            MedianRow("phone_verifications", "user_id, created_at + interval '1 minute'", "NOT is_used")),
        new("Q9", "newest 50 users", "users", "ix_users_created_at",
            "SELECT id, username, created_at FROM users ORDER BY created_at DESC LIMIT 50",
            null),
        new("Q10", "open worksheets assigned to a technician", "worksheets", "ix_worksheets_assigned_to_user_id_status",
            "SELECT id, title, status, priority, created_at FROM worksheets WHERE assigned_to_user_id = $1::bigint AND status <> 'closed'",
            MedianKey("worksheets", "assigned_to_user_id", "status <> 'closed' AND assigned_to_user_id IS NOT NULL")),
        new("Q11", "worksheets matching a full-text search", "worksheets", "ix_worksheets_search_vector",
            "SELECT id, title FROM worksheets WHERE search_vector @@ websearch_to_tsquery('english', $1::text)",
            MedianWord("worksheets")),
        new("Q12", "machines whose attributes contain a JSON object", "machines", "ix_machines_attributes",
            "SELECT id, serial_number, name FROM machines WHERE attributes @> $1::jsonb",
            MedianRow("machines", "jsonb_build_object('model', attributes -> 'model')::text", "attributes IS NOT NULL")),
        new("Q13", "active PM tasks due by a date", "pm_tasks", "ix_pm_tasks_next_due_date",
            "SELECT id, machine_id, description, next_due_date FROM pm_tasks WHERE is_active AND next_due_date <= $1::date ORDER BY next_due_date",
            $"SELECT '{Today}'"),
        new("Q14", "stock movements of a part, newest first", "stock_transactions", "ix_stock_transactions_part_id_occurred_at",
            "SELECT id, quantity, reference, occurred_at FROM stock_transactions WHERE part_id = $1::bigint ORDER BY occurred_at DESC",
            MedianKey("stock_transactions", "part_id")),
        new("Q15", "audit trail of one entity, newest first", "audit_logs", "ix_audit_logs_entity_type_entity_id_occurred_at",
            "SELECT id, action, occurred_at, changes FROM audit_logs WHERE entity_type = $1::text AND entity_id = $2::text ORDER BY occurred_at DESC",
            """
            WITH c AS (SELECT entity_type, entity_id, count(*) AS n FROM audit_logs GROUP BY entity_type, entity_id)
            SELECT entity_type, entity_id FROM c ORDER BY n, entity_type, entity_id OFFSET (SELECT count(*) / 2 FROM c) LIMIT 1
            """),
        new("Q16", "a user's experiments with a status, newest first", "experiments", "ix_experiments_created_by_status_created_at",
            "SELECT id, name, created_at FROM experiments WHERE created_by = $1::bigint AND status = $2::text ORDER BY created_at DESC",
            MedianKey("experiments", "created_by", "status = 'completed'", "'completed'")),
        new("Q17", "experiments whose config contains a JSON object", "experiments", "ix_experiments_config",
            "SELECT id, name, status FROM experiments WHERE config @> $1::jsonb",
            MedianRow("experiments", "jsonb_build_object('model', config -> 'model', 'optimizer', config -> 'optimizer', 'batch_size', config -> 'batch_size')::text", "config IS NOT NULL")),
        new("Q18", "training runs of an experiment in epoch order", "training_runs", "ux_training_runs_experiment_id_epoch",
            "SELECT epoch, loss, accuracy FROM training_runs WHERE experiment_id = $1::bigint ORDER BY epoch",
            MedianKey("training_runs", "experiment_id")),
        new("Q19", "tracks matching a full-text search", "tracks", "ix_tracks_search_vector",
            "SELECT id, title FROM tracks WHERE search_vector @@ websearch_to_tsquery('english', $1::text)",
            MedianWord("tracks")),
        new("Q20", "track by (source, source_id)", "tracks", "ux_tracks_source_source_id",
            "SELECT id, title, duration_ms FROM tracks WHERE source = $1::text AND source_id = $2::text",
            MedianRow("tracks", "source, source_id")),
        new("Q21", "tracks whose metadata contains a JSON object", "tracks", "ix_tracks_metadata",
            "SELECT id, title FROM tracks WHERE metadata @> $1::jsonb",
            MedianRow("tracks", "jsonb_build_object('genre', metadata -> 'genre', 'key', metadata -> 'key')::text", "metadata IS NOT NULL")),
        new("Q22", "a user's interactions, newest first, limit 50", "user_interactions", "ix_user_interactions_user_id_created_at",
            "SELECT id, track_id, interaction_type, created_at FROM user_interactions WHERE user_id = $1::bigint ORDER BY created_at DESC LIMIT 50",
            MedianKey("user_interactions", "user_id")),
        new("Q23", "top 20 tracks from mv_track_popularity", "mv_track_popularity", "ix_mv_track_popularity_plays",
            "SELECT track_id, plays, likes, skips FROM mv_track_popularity ORDER BY plays DESC LIMIT 20",
            null, Selective: false),
        new("Q24", "API requests in a one-hour window", "api_request_logs", "ix_api_request_logs_created_at",
            "SELECT id, api_key_id, endpoint, status_code, duration_ms FROM api_request_logs WHERE created_at >= $1::timestamptz AND created_at < $2::timestamptz",
            """
            SELECT date_trunc('hour', m), date_trunc('hour', m) + interval '1 hour'
            FROM (SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY created_at) AS m FROM api_request_logs) AS median
            """,
            Selective: false),
        new("Q25", "login lookup by normalized email", "users", "ux_users_normalized_email",
            "SELECT id, username, role_id, is_active FROM users WHERE normalized_email = $1::text",
            MedianRow("users", "normalized_email")),
    ];

    // The key (user, part, experiment …) with the median number of rows: a typical owner, not the heaviest.
    private static string MedianKey(string table, string key, string? where = null, string? extra = null) =>
        $"WITH c AS (SELECT {key} AS k, count(*) AS n FROM {table}{(where is null ? "" : " WHERE " + where)} GROUP BY {key}) "
        + $"SELECT k{(extra is null ? "" : ", " + extra)} FROM c ORDER BY n, k OFFSET (SELECT count(*) / 2 FROM c) LIMIT 1";

    // Values taken from the row in the middle of the table by id.
    private static string MedianRow(string table, string values, string? where = null)
    {
        var filter = where is null ? "" : " WHERE " + where;
        return $"SELECT {values} FROM {table}{filter} ORDER BY id OFFSET (SELECT count(*) / 2 FROM {table}{filter}) LIMIT 1";
    }

    // The lexeme with the median document frequency: a word people search for that is neither everywhere nor unique.
    private static string MedianWord(string table) =>
        $"WITH w AS (SELECT word, ndoc FROM ts_stat('SELECT search_vector FROM {table}')) "
        + "SELECT word FROM w ORDER BY ndoc, word OFFSET (SELECT count(*) / 2 FROM w) LIMIT 1";
}
