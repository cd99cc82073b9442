namespace Cmms.Data.Experiments;

/// <summary>The values of <see cref="NotificationPreference.Channel" />.</summary>
public static class NotificationChannel
{
    /// <summary>Send an e-mail.</summary>
    public const string Email = "email";

    /// <summary>Send a push notification.</summary>
    public const string Push = "push";

    /// <summary>Send nothing.</summary>
    public const string None = "none";
}
