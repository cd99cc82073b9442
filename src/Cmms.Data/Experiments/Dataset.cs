using System.Text.Json;
using Cmms.Data.Users;

namespace Cmms.Data.Experiments;

/// <summary>A versioned data set experiments train and evaluate on.</summary>
public sealed class Dataset
{
    /// <summary>The identity key.</summary>
    public long Id { get; set; }

    /// <summary>The display name.</summary>
    public required string Name { get; set; }

    /// <summary>The user who registered the data set.</summary>
    public long CreatedBy { get; set; }

    /// <summary>The user who registered the data set.</summary>
    public User Creator { get; set; } = null!;

    /// <summary>When the data set was registered (UTC).</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>Free-form description: source, schema, row counts (jsonb).</summary>
    public JsonDocument? Metadata { get; set; }
}
