using System.Globalization;

namespace Cmms.Data.Bench.Data;

/// <summary>
///     How many rows each of the 34 tables gets at a scale. Scale 1.0 gives the benchmark volumes of the schema
///     specification (1,000,000 user_activity_logs and api_request_logs, 500,000 user_interactions, 200,000 guests,
///     100,000 tracks, 50,000 orders, 40,000 invitations, 20,000 worksheets, 10,000 users, 500 templates).
/// </summary>
/// <remarks>
///     Catalogs (roles, plans, invitation categories, templates, production lines, parts, tags) keep their size at
///     every scale: a smaller shop sells the same template catalog and a smaller plant stocks the same parts. Only
///     users and what they produce scale, with a small floor so every relationship still has rows to point at.
/// </remarks>
internal sealed class VolumePlan
{
    private static readonly (string Table, int Rows, bool Scaled)[] Volumes =
    [
        ("roles", 4, false),
        ("plans", 6, false),
        ("invitation_categories", 12, false),
        ("templates", 500, false),
        ("production_lines", 20, false),
        ("parts", 2_000, false),
        ("users", 10_000, true),
        ("tags", 60, false),
        ("user_sessions", 25_000, true),
        ("api_keys", 2_000, true),
        ("user_activity_logs", 1_000_000, true),
        ("phone_verifications", 15_000, true),
        ("audit_logs", 100_000, true),
        ("machines", 5_000, true),
        ("pm_tasks", 10_000, true),
        ("worksheets", 20_000, true),
        ("worksheet_parts", 30_000, true),
        ("stock_transactions", 100_000, true),
        ("orders", 50_000, true),
        ("invitations", 40_000, true),
        ("guests", 200_000, true),
        ("invitation_view_logs", 200_000, true),
        ("datasets", 500, true),
        ("hpo_campaigns", 400, true),
        ("experiments", 20_000, true),
        ("training_runs", 200_000, true),
        ("experiment_tags", 30_000, true),
        ("notification_preferences", 15_000, true),
        ("api_request_logs", 1_000_000, true),
        ("artists", 5_000, true),
        ("albums", 20_000, true),
        ("tracks", 100_000, true),
        ("discovery_sessions", 30_000, true),
        ("user_interactions", 500_000, true),
    ];

    // Enough rows that every role, status and relationship the generators draw from exists at tiny scales.
    private const int Floor = 20;

    private readonly Dictionary<string, int> _rows;

    private VolumePlan(double scale, Dictionary<string, int> rows)
    {
        Scale = scale;
        _rows = rows;
    }

    public double Scale { get; }

    /// <summary>The tables in the order they are loaded (parents before children).</summary>
    public static IReadOnlyList<string> Tables { get; } = Volumes.Select(v => v.Table).ToArray();

    public int Total => _rows.Values.Sum();

    public int this[string table] => _rows.TryGetValue(table, out var rows)
        ? rows
        : throw new ArgumentException($"No table '{table}' in the volume plan.", nameof(table));

    public static VolumePlan For(double scale)
    {
        if (!double.IsFinite(scale) || scale <= 0 || scale > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(scale), scale, "The scale must be greater than 0 and at most 100.");
        }

        return new VolumePlan(
            scale,
            Volumes.ToDictionary(v => v.Table, v => v.Scaled ? Math.Max(Floor, (int)Math.Round(v.Rows * scale)) : v.Rows));
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"scale {Scale} ({Total:N0} rows)");
}
