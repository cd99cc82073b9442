using Cmms.Data.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace Cmms.Data.IntegrationTests.Migrations;

public sealed class MigratedSchemaTests(PostgresDatabaseFixture<MigratedSchemaTests> db)
    : IClassFixture<PostgresDatabaseFixture<MigratedSchemaTests>>, IAsyncLifetime
{
    public Task InitializeAsync() => CmmsContexts.MigrateAsync(db.ConnectionString);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Migrating_to_head_leaves_exactly_the_model_indexes_and_no_invalid_one()
    {
        await using var context = CmmsContexts.Create(db.ConnectionString);
        var expected = ModelIndexes.Read(context.GetService<IDesignTimeModel>().Model);

        var catalog = await CatalogIndexes.ReadAsync(db.ConnectionString);

        expected.Should().Contain(IndexShape.Create("tracks", "ix_tracks_popular", "btree", false, ["play_count DESC"], ["title"], "play_count > 0"))
            .And.Contain(IndexShape.Create("machines", "ix_machines_attributes", "gin", false, ["attributes jsonb_path_ops"], [], null))
            .And.Contain(s => s.Name == "pk_worksheet_parts" && s.Columns == "worksheet_id, part_id");
        catalog.Should().OnlyContain(i => i.IsValid);
        var modelTables = expected.Select(e => e.Table).ToHashSet();
        catalog.Select(i => i.Shape).Where(s => modelTables.Contains(s.Table))
            .Should().BeEquivalentTo(expected);
    }

    [Fact]
    public async Task Migrated_model_has_no_changes_that_no_migration_captures()
    {
        await using var context = CmmsContexts.Create(db.ConnectionString);

        context.Database.HasPendingModelChanges().Should().BeFalse();
        (await context.Database.GetPendingMigrationsAsync()).Should().BeEmpty();
        (await context.Database.GetAppliedMigrationsAsync()).Should().Equal(context.Database.GetMigrations())
            .And.Satisfy(
                m => m.EndsWith("_InitialSchema", StringComparison.Ordinal),
                m => m.EndsWith("_AddIndexes", StringComparison.Ordinal),
                m => m.EndsWith("_RenameUnusedPhoneVerificationsIndex", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Declared_gin_brin_partial_descending_and_covering_indexes_exist_as_declared()
    {
        string[] names = ["ix_machines_attributes", "ix_api_request_logs_created_at", "ix_worksheets_assigned_to_user_id_status", "ix_users_created_at", "ix_tracks_popular", "ix_worksheets_search_vector", "ix_worksheets_assigned_to_user_id"];
        var definitions = await Sql.ListAsync<string>(
            db.ConnectionString,
            "SELECT indexname || ': ' || regexp_replace(indexdef, '^.* USING ', '') FROM pg_indexes WHERE indexname = ANY($1) ORDER BY indexname",
            (object)names); // one array parameter, not seven

        definitions.Should().Equal(
            "ix_api_request_logs_created_at: brin (created_at)",
            "ix_machines_attributes: gin (attributes jsonb_path_ops)",
            "ix_tracks_popular: btree (play_count DESC) INCLUDE (title) WHERE (play_count > 0)",
            "ix_users_created_at: btree (created_at DESC)",
            "ix_worksheets_assigned_to_user_id: btree (assigned_to_user_id)",
            "ix_worksheets_assigned_to_user_id_status: btree (assigned_to_user_id, status) WHERE ((status)::text <> 'closed'::text)",
            "ix_worksheets_search_vector: gin (search_vector)");
    }

    [Fact]
    public async Task Check_constraint_rejects_a_negative_stock_quantity()
    {
        var insert = () => Sql.ExecuteAsync(db.ConnectionString, "INSERT INTO parts (part_number, name, quantity_on_hand, unit_cost) VALUES ('P-NEG', 'Valve', -1, 2.50)");

        var rejected = await insert.Should().ThrowAsync<PostgresException>();
        rejected.Which.SqlState.Should().Be(PostgresErrorCodes.CheckViolation);
        rejected.Which.ConstraintName.Should().Be("ck_parts_quantity_on_hand");
    }

    [Fact]
    public async Task Generated_search_vectors_are_filled_from_the_text_columns()
    {
        await Sql.ExecuteAsync(db.ConnectionString, """
            INSERT INTO artists (name, normalized_name) VALUES ('Nightly Pumps', 'NIGHTLY PUMPS');
            INSERT INTO tracks (artist_id, title, duration_ms, play_count, source, source_id, created_at, updated_at)
            SELECT id, 'Hydraulic Pumping Blues', 1000, 0, 'test', 'gen-1', now(), now() FROM artists WHERE name = 'Nightly Pumps';
            """);

        var matches = await Sql.ListAsync<string>(
            db.ConnectionString, "SELECT title FROM tracks WHERE search_vector @@ to_tsquery('english', 'pump') AND source_id = $1", "gen-1");
        var artistVector = await Sql.ListAsync<string>(db.ConnectionString, "SELECT search_vector::text FROM artists WHERE name = $1", "Nightly Pumps");

        matches.Should().Equal("Hydraulic Pumping Blues");
        artistVector.Should().Equal("'night':1 'pump':2");
    }

    [Fact]
    public async Task Updating_a_track_sets_updated_at_through_the_trigger()
    {
        await Sql.ExecuteAsync(db.ConnectionString, """
            INSERT INTO artists (name, normalized_name) VALUES ('Trigger Band', 'TRIGGER BAND');
            INSERT INTO tracks (artist_id, title, duration_ms, play_count, source, source_id, created_at, updated_at)
            SELECT id, 'Old', 1000, 0, 'test', 'trg-1', '2020-01-01', '2020-01-01' FROM artists WHERE name = 'Trigger Band';
            UPDATE tracks SET title = 'New' WHERE source_id = 'trg-1';
            """);

        var updatedAt = await Sql.ListAsync<DateTime>(db.ConnectionString, "SELECT updated_at FROM tracks WHERE source_id = $1", "trg-1");

        updatedAt.Single().Should().BeAfter(new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc));
    }

    [Fact]
    public async Task Track_popularity_view_refreshes_concurrently_and_counts_interactions_by_type()
    {
        await Sql.ExecuteAsync(db.ConnectionString, """
            INSERT INTO roles (name) VALUES ('listener');
            INSERT INTO users (username, email, normalized_email, role_id, is_active, is_phone_verified, is_blocked, created_at)
            SELECT 'mv-user', 'mv@example.com', 'MV@EXAMPLE.COM', id, true, false, false, now() FROM roles WHERE name = 'listener';
            INSERT INTO artists (name, normalized_name) VALUES ('View Artist', 'VIEW ARTIST');
            INSERT INTO tracks (artist_id, title, duration_ms, play_count, source, source_id, created_at, updated_at)
            SELECT id, 'Counted', 1000, 0, 'test', 'mv-1', now(), now() FROM artists WHERE name = 'View Artist';
            INSERT INTO user_interactions (user_id, track_id, interaction_type, created_at)
            SELECT u.id, t.id, x.kind, now() FROM users u, tracks t, (VALUES ('play'), ('play'), ('like'), ('skip')) AS x(kind)
            WHERE u.username = 'mv-user' AND t.source_id = 'mv-1';
            REFRESH MATERIALIZED VIEW mv_track_popularity;
            REFRESH MATERIALIZED VIEW CONCURRENTLY mv_track_popularity;
            """);

        var counts = await Sql.ListAsync<string>(
            db.ConnectionString,
            "SELECT p.plays || '/' || p.likes || '/' || p.skips FROM mv_track_popularity p JOIN tracks t ON t.id = p.track_id WHERE t.source_id = $1",
            "mv-1");

        counts.Should().Equal("2/1/1");
    }
}
