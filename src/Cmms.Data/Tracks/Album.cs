namespace Cmms.Data.Tracks;

/// <summary>A release of an artist.</summary>
public sealed class Album
{
    /// <summary>The identity key.</summary>
    public long Id { get; set; }

    /// <summary>The artist who released the album.</summary>
    public long ArtistId { get; set; }

    /// <summary>The artist who released the album.</summary>
    public Artist Artist { get; set; } = null!;

    /// <summary>The album title.</summary>
    public required string Title { get; set; }

    /// <summary>The release day, when known.</summary>
    public DateOnly? ReleaseDate { get; set; }

    /// <summary>The number of tracks on the album; never negative.</summary>
    public int TotalTracks { get; set; }
}
