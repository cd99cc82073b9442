using Cmms.Data.Users;

namespace Cmms.Data.Experiments;

/// <summary>A label experiments are grouped by (for example <c>baseline</c> or <c>production-candidate</c>).</summary>
public sealed class Tag
{
    /// <summary>The identity key.</summary>
    public long Id { get; set; }

    /// <summary>The unique tag name.</summary>
    public required string Name { get; set; }

    /// <summary>The user who created the tag.</summary>
    public long CreatedBy { get; set; }

    /// <summary>The user who created the tag.</summary>
    public User Creator { get; set; } = null!;
}
