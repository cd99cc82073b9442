namespace Cmms.Data.Invitations;

/// <summary>A category of invitation templates (wedding, birthday, corporate, …); reference data.</summary>
public sealed class InvitationCategory
{
    /// <summary>The identity key.</summary>
    public long Id { get; set; }

    /// <summary>The unique code the category is looked up by.</summary>
    public required string Code { get; set; }

    /// <summary>The display name.</summary>
    public required string Name { get; set; }

    /// <summary>Whether the category is offered.</summary>
    public bool IsActive { get; set; } = true;

    /// <summary>The position in category listings.</summary>
    public int SortOrder { get; set; }
}
