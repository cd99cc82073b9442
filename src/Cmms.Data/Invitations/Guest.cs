namespace Cmms.Data.Invitations;

/// <summary>A person invited to an event, with their answer.</summary>
public sealed class Guest
{
    /// <summary>The identity key.</summary>
    public long Id { get; set; }

    /// <summary>The invitation the guest is on.</summary>
    public long InvitationId { get; set; }

    /// <summary>The invitation the guest is on.</summary>
    public Invitation Invitation { get; set; } = null!;

    /// <summary>The guest's name.</summary>
    public required string Name { get; set; }

    /// <summary>The guest's phone number, unique within an invitation.</summary>
    public required string Phone { get; set; }

    /// <summary>The answer: attending, not attending, or <see langword="null" /> while the guest has not answered.</summary>
    public bool? Attending { get; set; }

    /// <summary>When the guest last opened the invitation (UTC), if ever.</summary>
    public DateTime? ViewedAt { get; set; }
}
