using Cmms.Data.Conventions;
using Cmms.Data.Tracks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using static Cmms.Data.Tests.Model.ModelShapes;

namespace Cmms.Data.Tests.Model;

// Index lists are compared sorted by name with strict ordering, so that key column order and sort flags count.
public class TracksModelTests(ModelFixture fixture) : IClassFixture<ModelFixture>
{
    private readonly IModel _model = fixture.Model;
    private readonly string _createScript = fixture.CreateScript;

    [Fact]
    public void Tracks_table_has_the_spec_columns_with_their_store_types()
    {
        ColumnsOf<Track>(_model).Should().BeEquivalentTo(new Dictionary<string, (string, bool)>
        {
            ["id"] = ("bigint", false),
            ["album_id"] = ("bigint", true),
            ["artist_id"] = ("bigint", false),
            ["title"] = ("character varying(300)", false),
            ["duration_ms"] = ("integer", false),
            ["play_count"] = ("bigint", false),
            ["source"] = ("character varying(32)", false),
            ["source_id"] = ("character varying(200)", false),
            ["metadata"] = ("jsonb", true),
            ["search_vector"] = ("tsvector", false),
            ["created_at"] = ("timestamp with time zone", false),
            ["updated_at"] = ("timestamp with time zone", false),
        });
    }

    [Fact]
    public void Albums_have_a_release_date_of_type_date()
    {
        ColumnsOf<Album>(_model).Should().BeEquivalentTo(new Dictionary<string, (string, bool)>
        {
            ["id"] = ("bigint", false),
            ["artist_id"] = ("bigint", false),
            ["title"] = ("character varying(300)", false),
            ["release_date"] = ("date", true),
            ["total_tracks"] = ("integer", false),
        });
    }

    [Fact]
    public void Tracks_search_vector_is_a_stored_column_generated_from_the_title_in_english()
    {
        var searchVector = _model.FindEntityType(typeof(Track))!.FindProperty(nameof(Track.SearchVector))!;

        searchVector.GetTsVectorConfig().Should().Be("english");
        searchVector.GetTsVectorProperties().Should().Equal(nameof(Track.Title));
        searchVector.ValueGenerated.Should().Be(ValueGenerated.OnAddOrUpdate);
        CreateTableStatement("tracks").Should().Contain(
            "search_vector tsvector GENERATED ALWAYS AS (to_tsvector('english', title)) STORED NOT NULL,");
    }

    [Fact]
    public void Artists_search_vector_is_a_stored_column_generated_from_the_name_in_english()
    {
        var searchVector = _model.FindEntityType(typeof(Artist))!.FindProperty(nameof(Artist.SearchVector))!;

        searchVector.GetTsVectorConfig().Should().Be("english");
        searchVector.GetTsVectorProperties().Should().Equal(nameof(Artist.Name));
        CreateTableStatement("artists").Should().Contain(
            "search_vector tsvector GENERATED ALWAYS AS (to_tsvector('english', name)) STORED NOT NULL,");
    }

    [Fact]
    public void Tracks_and_albums_check_their_counts_non_negative()
    {
        CheckConstraintsOf<Track>(_model).Should().BeEquivalentTo(new Dictionary<string, string>
        {
            ["ck_tracks_duration_ms"] = "duration_ms >= 0",
            ["ck_tracks_play_count"] = "play_count >= 0",
        });
        CheckConstraintsOf<Album>(_model).Should().BeEquivalentTo(new Dictionary<string, string>
        {
            ["ck_albums_total_tracks"] = "total_tracks >= 0",
        });
    }

    [Fact]
    public void Tracks_lose_a_deleted_album_but_restrict_deleting_their_artist()
    {
        ForeignKeysOf<Track>(_model).Should().BeEquivalentTo(new[]
        {
            new ForeignKeyShape("fk_tracks_albums_album_id", ["album_id"], "albums", ReferentialAction.SetNull),
            new ForeignKeyShape("fk_tracks_artists_artist_id", ["artist_id"], "artists", ReferentialAction.Restrict),
        });
        ForeignKeysOf<Album>(_model).Should().BeEquivalentTo(new[]
        {
            new ForeignKeyShape("fk_albums_artists_artist_id", ["artist_id"], "artists", ReferentialAction.Restrict),
        });
    }

    [Fact]
    public void Listener_sessions_and_interactions_are_deleted_with_their_user_or_track()
    {
        ForeignKeysOf<DiscoverySession>(_model).Should().BeEquivalentTo(new[]
        {
            new ForeignKeyShape("fk_discovery_sessions_users_user_id", ["user_id"], "users", ReferentialAction.Cascade),
        });
        ForeignKeysOf<UserInteraction>(_model).Should().BeEquivalentTo(new[]
        {
            new ForeignKeyShape("fk_user_interactions_users_user_id", ["user_id"], "users", ReferentialAction.Cascade),
            new ForeignKeyShape("fk_user_interactions_tracks_track_id", ["track_id"], "tracks", ReferentialAction.Cascade),
        });
    }

    [Fact]
    public void Tracks_popular_index_is_partial_covering_and_descending()
    {
        var index = _model.FindEntityType(typeof(Track))!.GetIndexes().Single(i => i.GetDatabaseName() == "ix_tracks_popular");

        IndexShape.Of(index).Should().BeEquivalentTo(
            new IndexShape("ix_tracks_popular", ["play_count"], IsUnique: false, IsDescending: [true], Filter: "play_count > 0"));
        index.GetIncludeProperties().Should().Equal(nameof(Track.Title));
        _createScript.Should().Contain("CREATE INDEX ix_tracks_popular ON tracks (play_count DESC) INCLUDE (title) WHERE play_count > 0;");
    }

    [Fact]
    public void Tracks_keep_every_declared_index_and_only_the_album_foreign_key_gets_an_index_of_its_own()
    {
        IndexesOf<Track>(_model).OrderBy(i => i.Name, StringComparer.Ordinal).Should().BeEquivalentTo(
            new[]
            {
                new IndexShape("ix_tracks_album_id", ["album_id"], IsUnique: false, IsDescending: [false]),
                new IndexShape("ix_tracks_artist_id_created_at", ["artist_id", "created_at"], IsUnique: false, IsDescending: [false, true]),
                new IndexShape("ix_tracks_created_at", ["created_at"], IsUnique: false, IsDescending: [true]),
                new IndexShape(
                    "ix_tracks_metadata", ["metadata"], IsUnique: false, IsDescending: [false], Method: "gin", Operators: ["jsonb_path_ops"]),
                new IndexShape("ix_tracks_popular", ["play_count"], IsUnique: false, IsDescending: [true], Filter: "play_count > 0"),
                new IndexShape("ix_tracks_search_vector", ["search_vector"], IsUnique: false, IsDescending: [false], Method: "gin"),
                new IndexShape("ux_tracks_source_source_id", ["source", "source_id"], IsUnique: true, IsDescending: [false, false]),
            },
            o => o.WithStrictOrdering());
        PrunedIndexesOf(_model, "tracks").Should().BeEquivalentTo(new[]
        {
            new PrunedIndex(
                "ix_tracks_artist_id", "tracks", ["artist_id"], PrunedIndexReason.ForeignKeyCovered, "ix_tracks_artist_id_created_at"),
        });
    }

    [Fact]
    public void Artists_and_albums_keep_their_declared_indexes()
    {
        IndexesOf<Artist>(_model).OrderBy(i => i.Name, StringComparer.Ordinal).Should().BeEquivalentTo(
            new[]
            {
                new IndexShape("ix_artists_normalized_name", ["normalized_name"], IsUnique: false, IsDescending: [false]),
                new IndexShape("ix_artists_search_vector", ["search_vector"], IsUnique: false, IsDescending: [false], Method: "gin"),
            },
            o => o.WithStrictOrdering());
        IndexesOf<Album>(_model).Should().BeEquivalentTo(
            new[]
            {
                new IndexShape("ix_albums_artist_id_release_date", ["artist_id", "release_date"], IsUnique: false, IsDescending: [false, true]),
            },
            o => o.WithStrictOrdering());
        PrunedIndexesOf(_model, "artists").Should().BeEmpty();
        PrunedIndexesOf(_model, "albums").Should().BeEquivalentTo(new[]
        {
            new PrunedIndex(
                "ix_albums_artist_id", "albums", ["artist_id"], PrunedIndexReason.ForeignKeyCovered, "ix_albums_artist_id_release_date"),
        });
    }

    [Fact]
    public void Listener_history_indexes_serve_their_foreign_keys()
    {
        IndexesOf<DiscoverySession>(_model).Should().BeEquivalentTo(
            new[]
            {
                new IndexShape(
                    "ix_discovery_sessions_user_id_started_at", ["user_id", "started_at"], IsUnique: false, IsDescending: [false, true]),
            },
            o => o.WithStrictOrdering());
        IndexesOf<UserInteraction>(_model).OrderBy(i => i.Name, StringComparer.Ordinal).Should().BeEquivalentTo(
            new[]
            {
                new IndexShape(
                    "ix_user_interactions_track_id_interaction_type", ["track_id", "interaction_type"], IsUnique: false,
                    IsDescending: [false, false]),
                new IndexShape("ix_user_interactions_user_id_created_at", ["user_id", "created_at"], IsUnique: false, IsDescending: [false, true]),
            },
            o => o.WithStrictOrdering());
        PrunedIndexesOf(_model, "discovery_sessions").Should().BeEquivalentTo(new[]
        {
            new PrunedIndex(
                "ix_discovery_sessions_user_id", "discovery_sessions", ["user_id"], PrunedIndexReason.ForeignKeyCovered,
                "ix_discovery_sessions_user_id_started_at"),
        });
        PrunedIndexesOf(_model, "user_interactions").Should().BeEquivalentTo(
            new[]
            {
                new PrunedIndex(
                    "ix_user_interactions_track_id", "user_interactions", ["track_id"], PrunedIndexReason.ForeignKeyCovered,
                    "ix_user_interactions_track_id_interaction_type"),
                new PrunedIndex(
                    "ix_user_interactions_user_id", "user_interactions", ["user_id"], PrunedIndexReason.ForeignKeyCovered,
                    "ix_user_interactions_user_id_created_at"),
            },
            o => o.WithStrictOrdering());
    }

    [Fact]
    public void Track_popularity_is_mapped_to_the_materialized_view_and_never_to_a_table()
    {
        var entityType = _model.FindEntityType(typeof(TrackPopularity))!;
        entityType.GetViewName().Should().Be("mv_track_popularity");
        entityType.GetTableName().Should().BeNull();
        entityType.FindPrimaryKey().Should().BeNull();

        var relational = _model.GetRelationalModel();
        relational.Tables.Select(t => t.Name).Should().NotContain("mv_track_popularity");
        relational.FindView("mv_track_popularity", null)!.Columns.ToDictionary(c => c.Name, c => c.StoreType).Should().BeEquivalentTo(
            new Dictionary<string, string>
            {
                ["track_id"] = "bigint",
                ["plays"] = "bigint",
                ["likes"] = "bigint",
                ["skips"] = "bigint",
                ["last_interaction_at"] = "timestamp with time zone",
            });
        _createScript.Should().NotContain("mv_track_popularity");
    }

    [Fact]
    public void Tracks_area_reports_no_index_as_pruned_that_is_still_in_the_model()
    {
        PrunedIndexNamesStillInModel(_model, "artists", "albums", "tracks", "discovery_sessions", "user_interactions").Should().BeEmpty();
    }

    private string CreateTableStatement(string table)
    {
        var start = _createScript.IndexOf($"CREATE TABLE {table} (", StringComparison.Ordinal);
        start.Should().BeGreaterThanOrEqualTo(0, $"the create script creates the table {table}");
        return _createScript[start.._createScript.IndexOf(");", start, StringComparison.Ordinal)];
    }
}
