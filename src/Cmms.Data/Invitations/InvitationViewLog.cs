using System.Net;

namespace Cmms.Data.Invitations;

/// <summary>One opening of an invitation's public link.</summary>
public sealed class InvitationViewLog
{
    /// <summary>The identity key.</summary>
    public long Id { get; set; }

    /// <summary>The invitation opened.</summary>
    public long InvitationId { get; set; }

    /// <summary>The invitation opened.</summary>
    public Invitation Invitation { get; set; } = null!;

    /// <summary>When the invitation was opened (UTC).</summary>
    public DateTime ViewedAt { get; set; }

    /// <summary>The address the request came from (inet), when known.</summary>
    public IPAddress? IpAddress { get; set; }
}
