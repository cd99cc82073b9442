using System.Globalization;

namespace Cmms.Data.Bench.Data;

/// <summary>Rows of the Tracks area: artists, albums, tracks, discovery sessions and listener interactions.</summary>
internal static class TracksTables
{
    public static IEnumerable<TableGenerator> All()
    {
        yield return new("artists", "id, name, normalized_name, metadata", Artists);
        yield return new("albums", "id, artist_id, title, release_date, total_tracks", Albums);
        yield return new("tracks", "id, album_id, artist_id, title, duration_ms, play_count, source, source_id, metadata, created_at, updated_at", Tracks);
        yield return new("discovery_sessions", "id, user_id, started_at, query", DiscoverySessions);
        yield return new("user_interactions", "id, user_id, track_id, interaction_type, created_at", UserInteractions);
    }

    private static void Artists(RowWriter rows, GenerationContext context)
    {
        var random = context.RandomFor("artists");
        for (var id = 1; id <= context.Rows("artists"); id++)
        {
            var name = Title(WordLists.Phrase(random, WordLists.ArtistWords, random.Between(1, 3), 1.2));
            var metadata = random.Chance(0.2) ? null : new JsonText()
                .Add("country", random.PickSkewed(WordLists.Countries, 1.5)).Add("formed", random.Between(1960, 2024))
                .Add("genres", Enumerable.Range(0, random.Between(1, 3)).Select(_ => random.PickSkewed(WordLists.Genres, 1.5)).Distinct())
                .ToString();
            rows.Row().Id(id).Text(name).Text(name.ToLowerInvariant()).Json(metadata);
        }
    }

    private static void Albums(RowWriter rows, GenerationContext context)
    {
        var random = context.RandomFor("albums");
        var count = context.Rows("albums");
        var artistIds = new long[count];
        for (var i = 0; i < count; i++)
        {
            artistIds[i] = 1 + random.Skewed(context.Rows("artists"), 1.5);
            rows.Row().Id(i + 1).Id(artistIds[i]).Text(Title(WordLists.Phrase(random, WordLists.TitleWords, random.Between(1, 3), 1.3)))
                .Date(random.Chance(0.05) ? null : new DateOnly(random.Between(1970, 2025), random.Between(1, 12), random.Between(1, 28)))
                .Int(random.Between(1, 20));
        }

        context.AlbumArtistId = artistIds;
    }

    private static void Tracks(RowWriter rows, GenerationContext context)
    {
        var random = context.RandomFor("tracks");
        var count = context.Rows("tracks");
        var albums = context.Rows("albums");
        for (var i = 0; i < count; i++)
        {
            long id = i + 1;
            long? album = random.Chance(0.1) ? null : 1 + random.Next(albums);
            var artist = album is { } a ? context.AlbumArtistId[a - 1] : 1 + random.Skewed(context.Rows("artists"), 1.5);
            var source = random.PickWeighted(WordLists.TrackSources);
            // The hex id prefix makes (source, source_id) unique; the random tail makes it look like a real id.
            var sourceId = id.ToString("x8", CultureInfo.InvariantCulture) + random.Hex(source == "youtube" ? 3 : 14);
            var metadata = random.Chance(0.05) ? null : new JsonText()
                .Add("genre", random.PickSkewed(WordLists.Genres, 1.3)).Add("bpm", random.Between(60, 180))
                .Add("key", random.Pick(WordLists.MusicalKeys)).Add("explicit", random.Chance(0.15))
                .Maybe(random, 0.5, j => j.Add("mood", Enumerable.Range(0, random.Between(1, 2)).Select(_ => random.Pick(WordLists.Moods)).Distinct()))
                .Maybe(random, 0.6, j => j.Add("isrc", string.Create(CultureInfo.InvariantCulture, $"USRC1{id:D7}")))
                .Maybe(random, 0.3, j => j.Add("language", random.PickSkewed(WordLists.Languages, 2)))
                .Maybe(random, 0.05, j => j.Add("remastered", true))
                .ToString();
            var created = DataTimeline.At((i + random.NextDouble()) / count);
            rows.Row().Id(id).Id(album).Id(artist).Text(Title(WordLists.Phrase(random, WordLists.TitleWords, random.Between(1, 4), 1.3)))
                .Int(random.Between(90_000, 420_000)).Id(random.Chance(0.2) ? 0 : (long)(1_000_000 * Math.Pow(random.NextDouble(), 5)))
                .Text(source).Text(sourceId).Json(metadata).Time(created).Time(created);
        }
    }

    private static void DiscoverySessions(RowWriter rows, GenerationContext context)
    {
        var random = context.RandomFor("discovery_sessions");
        var count = context.Rows("discovery_sessions");
        for (var i = 0; i < count; i++)
        {
            var (userId, started) = UsersTables.UserEvent(context, random, i, count);
            rows.Row().Id(i + 1).Id(userId).Time(started).Text(random.Chance(0.3) ? null : WordLists.Phrase(random, WordLists.TitleWords, random.Between(1, 2)));
        }
    }

    private static void UserInteractions(RowWriter rows, GenerationContext context)
    {
        var random = context.RandomFor("user_interactions");
        var count = context.Rows("user_interactions");
        var tracks = context.Rows("tracks");
        for (var i = 0; i < count; i++)
        {
            var (userId, created) = UsersTables.UserEvent(context, random, i, count);
            // Tracks are created in time order, so the ones existing by then are the first (fraction × tracks); a few hits get most plays.
            var existing = Math.Max(1, (int)(tracks * ((created - DataTimeline.Start) / DataTimeline.Span)));
            var track = 1 + random.Skewed(existing, 3);
            rows.Row().Id(i + 1).Id(userId).Id(track).Text(random.PickWeighted([("play", 82.0), ("like", 10.0), ("skip", 8.0)])).Time(created);
        }
    }

    private static string Title(string words) => string.Join(' ', words.Split(' ').Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
}
