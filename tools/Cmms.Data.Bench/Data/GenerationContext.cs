namespace Cmms.Data.Bench.Data;

/// <summary>
///     What the table generators share: the seed, the volumes, and the facts earlier tables established that later
///     ones must agree with (who exists when, which orders were approved, which album belongs to which artist).
/// </summary>
/// <remarks>
///     Ids are assigned 1..n in generation order, so a fact about row <c>id</c> lives at index <c>id - 1</c>. Entities
///     that other rows pick "among those existing at time t" are created in time order, so their creation times are
///     sorted and <see cref="CreatedBy" /> can binary-search them.
/// </remarks>
internal sealed class GenerationContext(int seed, VolumePlan plan)
{
    public VolumePlan Plan { get; } = plan;

    public DateTime[] UserCreatedAt { get; set; } = [];

    public long[] TechnicianIds { get; set; } = [];

    public long[] StaffIds { get; set; } = [];

    public long[] MlUserIds { get; set; } = [];

    public DateTime[] ApiKeyCreatedAt { get; set; } = [];

    public long[] OrderUserId { get; set; } = [];

    public DateTime[] OrderCreatedAt { get; set; } = [];

    public long[] ApprovedOrderIds { get; set; } = [];

    public DateTime[] InvitationCreatedAt { get; set; } = [];

    public long[] CampaignDatasetId { get; set; } = [];

    public DateTime[] ExperimentCreatedAt { get; set; } = [];

    public long[] TrainableExperimentIds { get; set; } = [];

    public long[] AlbumArtistId { get; set; } = [];

    public int Rows(string table) => Plan[table];

    /// <summary>The deterministic random stream of one table.</summary>
    public SeededRandom RandomFor(string table) => SeededRandom.For(seed, table);

    /// <summary>A user who exists at <paramref name="time" />, early (heavy) users far more likely.</summary>
    public long UserAt(SeededRandom random, DateTime time, double exponent = 2.5)
        => 1 + random.Skewed(CreatedBy(UserCreatedAt, time), exponent);

    /// <summary>How many of the time-ordered entities exist at <paramref name="time" /> (at least one).</summary>
    public static int CreatedBy(DateTime[] createdAt, DateTime time)
    {
        var index = Array.BinarySearch(createdAt, time);
        var count = index >= 0 ? index + 1 : ~index;
        return Math.Max(1, count);
    }

    /// <summary>
    ///     Spreads <paramref name="rows" /> child rows evenly over <paramref name="owners" /> parents in order: row
    ///     <paramref name="row" /> belongs to parent <c>Owner</c> (0-based) and is its <c>Local</c>-th child, so a
    ///     child key built from (Owner, Local) is unique.
    /// </summary>
    public static (int Owner, int Local) Spread(long row, long rows, int owners)
    {
        var owner = (int)(row * owners / rows);
        var first = ((long)owner * rows + owners - 1) / owners;
        return (owner, (int)(row - first));
    }
}
