namespace Cmms.Data.Tracks;

/// <summary>The values of <see cref="UserInteraction.InteractionType" />.</summary>
public static class InteractionType
{
    /// <summary>The listener played the track.</summary>
    public const string Play = "play";

    /// <summary>The listener liked the track.</summary>
    public const string Like = "like";

    /// <summary>The listener skipped the track.</summary>
    public const string Skip = "skip";
}
