using Cmms.Data.Users;

namespace Cmms.Data.Experiments;

/// <summary>How a user wants to hear about one kind of event; at most one per user and event type.</summary>
public sealed class NotificationPreference
{
    /// <summary>The identity key.</summary>
    public long Id { get; set; }

    /// <summary>The user the preference belongs to.</summary>
    public long UserId { get; set; }

    /// <summary>The user the preference belongs to.</summary>
    public User User { get; set; } = null!;

    /// <summary>The kind of event, one of <see cref="NotificationEventType" />.</summary>
    public required string EventType { get; set; }

    /// <summary>How the user is told, one of <see cref="NotificationChannel" />.</summary>
    public string Channel { get; set; } = NotificationChannel.Email;
}
