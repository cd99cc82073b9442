using Cmms.Data.Orders;

namespace Cmms.Data.Invitations;

/// <summary>An invitation design customers choose from; which ones they may use depends on their plan.</summary>
public sealed class Template
{
    /// <summary>The identity key.</summary>
    public long Id { get; set; }

    /// <summary>The plan the template belongs to.</summary>
    public long PlanId { get; set; }

    /// <summary>The plan the template belongs to.</summary>
    public Plan Plan { get; set; } = null!;

    /// <summary>The category the template is listed under.</summary>
    public long CategoryId { get; set; }

    /// <summary>The category the template is listed under.</summary>
    public InvitationCategory Category { get; set; } = null!;

    /// <summary>The display name.</summary>
    public required string Name { get; set; }

    /// <summary>Whether the template is offered.</summary>
    public bool IsActive { get; set; } = true;

    /// <summary>Whether the template needs a premium plan.</summary>
    public bool IsPremium { get; set; }

    /// <summary>How many invitations were made from the template; never negative.</summary>
    public int UseCount { get; set; }

    /// <summary>The animation the template opens with (for example <c>fade</c> or <c>envelope</c>).</summary>
    public required string AnimationType { get; set; }
}
