using System.Globalization;
using Cmms.Data.Bench.Data;

namespace Cmms.Data.Bench.Benchmarks;

/// <summary>A single-row INSERT and UPDATE on one write-heavy table, with values for the n-th sample.</summary>
/// <param name="Table">The table.</param>
/// <param name="Insert">The INSERT, positional parameters cast to column types.</param>
/// <param name="InsertValues">The INSERT's values for sample n (fresh rows, unique where the table requires it).</param>
/// <param name="Update">The UPDATE of one row by primary key, touching the columns the application changes.</param>
/// <param name="UpdateValues">The UPDATE's values for sample n (an existing id spread over the table).</param>
/// <param name="BulkColumns">The columns a bulk INSERT … SELECT copies (all but the identity).</param>
/// <param name="BulkSelect">What it selects from existing rows for them (altered where a unique index needs it).</param>
internal sealed record WriteStatement(
    string Table,
    string Insert,
    Func<int, object[]> InsertValues,
    string Update,
    Func<int, object[]> UpdateValues,
    string BulkColumns,
    string BulkSelect)
{
    /// <summary>Copies the rows with ids in ($1, $2] as new rows: a bulk write with the same shape of data.</summary>
    public string BulkInsert => $"INSERT INTO {Table} ({BulkColumns}) SELECT {BulkSelect} FROM {Table} WHERE id > $1::bigint AND id <= $2::bigint";
}

/// <summary>The writes the benchmark times on orders, guests, user_activity_logs, user_interactions and api_request_logs.</summary>
internal static class WriteStatements
{
    public static IReadOnlyList<string> Tables { get; } = ["orders", "guests", "user_activity_logs", "user_interactions", "api_request_logs"];

    public static IReadOnlyList<WriteStatement> For(VolumePlan plan) =>
    [
        new("orders",
            "INSERT INTO orders (user_id, plan_id, status, total_amount, created_at) VALUES ($1::bigint, $2::bigint, 'pending', $3::numeric, $4::timestamptz)",
            n => [Spread(n, plan["users"]), 2L + (n % 5), WordLists.Plans[1 + (n % 5)].Price, At(n)],
            "UPDATE orders SET status = 'approved', approved_at = $2::timestamptz WHERE id = $1::bigint",
            n => [Spread(n, plan["orders"]), At(n)],
            "user_id, plan_id, status, total_amount, created_at, approved_at",
            "user_id, plan_id, status, total_amount, created_at, approved_at"),
        new("guests",
            "INSERT INTO guests (invitation_id, name, phone) VALUES ($1::bigint, $2::text, $3::text)",
            n => [Spread(n, plan["invitations"]), "Bench Guest", string.Create(CultureInfo.InvariantCulture, $"+99{n:D9}")],
            "UPDATE guests SET attending = true, viewed_at = $2::timestamptz WHERE id = $1::bigint",
            n => [Spread(n, plan["guests"]), At(n)],
            "invitation_id, name, phone, attending, viewed_at",
            "invitation_id, name, phone || '+', attending, viewed_at"),
        new("user_activity_logs",
            "INSERT INTO user_activity_logs (user_id, activity_type, created_at, details) VALUES ($1::bigint, 'login', $2::timestamptz, $3::jsonb)",
            n => [Spread(n, plan["users"]), At(n), """{"ip": "10.0.0.1", "user_agent": "bench"}"""],
            "UPDATE user_activity_logs SET details = $2::jsonb WHERE id = $1::bigint",
            n => [Spread(n, plan["user_activity_logs"]), """{"page": 2}"""],
            "user_id, activity_type, created_at, details",
            "user_id, activity_type, created_at, details"),
        new("user_interactions",
            "INSERT INTO user_interactions (user_id, track_id, interaction_type, created_at) VALUES ($1::bigint, $2::bigint, 'play', $3::timestamptz)",
            n => [Spread(n, plan["users"]), Spread(n + 17, plan["tracks"]), At(n)],
            "UPDATE user_interactions SET interaction_type = 'like' WHERE id = $1::bigint",
            n => [Spread(n, plan["user_interactions"])],
            "user_id, track_id, interaction_type, created_at",
            "user_id, track_id, interaction_type, created_at"),
        new("api_request_logs",
            "INSERT INTO api_request_logs (api_key_id, endpoint, status_code, duration_ms, created_at) VALUES ($1::bigint, '/api/v1/health', 200, $2::integer, $3::timestamptz)",
            n => [Spread(n, plan["api_keys"]), 5 + (n % 50), At(n)],
            "UPDATE api_request_logs SET status_code = 500, duration_ms = $2::integer WHERE id = $1::bigint",
            n => [Spread(n, plan["api_request_logs"]), 30_000],
            "api_key_id, endpoint, status_code, duration_ms, created_at",
            "api_key_id, endpoint, status_code, duration_ms, created_at"),
    ];

    // Ids 1..count visited in a scattered but fixed order (Knuth's multiplicative hash), the same in every database.
    private static long Spread(int n, int count) => 1 + (long)((uint)n * 2654435761UL % (ulong)count);

    // New rows arrive after the loaded data, one second apart.
    private static DateTime At(int n) => DataTimeline.Now.AddSeconds(n);
}
