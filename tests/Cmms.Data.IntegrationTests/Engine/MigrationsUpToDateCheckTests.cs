using Cmms.Data.Conventions.Migrations;
using Cmms.Data.Conventions.Migrations.Engine;
using Cmms.Data.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace Cmms.Data.IntegrationTests.Engine;

/// <summary>
///     The library's no-op check (<see cref="MigrationsUpToDateCheck" />) on real databases: "up to date" exactly when
///     migrating to the newest migration has nothing to do. The one case not tested here is a server older than the
///     engine's minimum (PostgreSQL 13): this machine has PostgreSQL 15 only.
/// </summary>
public sealed class MigrationsUpToDateCheckTests(PostgresDatabaseFixture<MigrationsUpToDateCheckTests> db)
    : IClassFixture<PostgresDatabaseFixture<MigrationsUpToDateCheckTests>>
{
    private static readonly MigrationsUpToDateCheck Gauges = new(MigrationIds.InAssembly(typeof(GaugeContext).Assembly, typeof(GaugeContext)));

    private static readonly MigrationsUpToDateCheck Field = new(MigrationIds.InAssembly(typeof(FieldContext).Assembly, typeof(FieldContext)));

    [Fact]
    public void The_ids_read_from_the_attributes_are_the_contexts_own_migrations_and_no_others_of_the_assembly()
    {
        Gauges.MigrationIds.Should().Equal(GaugeMigrations.CreateGauges, GaugeMigrations.ReplaceZoneIndex);
        Field.MigrationIds.Should().Equal(FieldContext.CreateReadingsMigration.Id);
        Gauges.HistoryTable.Should().Be("__EFMigrationsHistory");
        Gauges.HistorySchema.Should().BeNull();
    }

    [Fact]
    public async Task A_history_holding_exactly_the_contexts_migrations_is_up_to_date()
    {
        await using var scratch = await db.CreateScratchDatabaseAsync("check equal");
        await MigrateGaugesAsync(scratch.ConnectionString);
        await using var dataSource = NpgsqlDataSource.Create(scratch.ConnectionString);

        (await Gauges.IsUpToDateAsync(dataSource)).Should().BeTrue();
    }

    [Fact]
    public async Task A_database_without_a_history_table_is_not_up_to_date()
    {
        await using var scratch = await db.CreateScratchDatabaseAsync("check empty");
        await using var dataSource = NpgsqlDataSource.Create(scratch.ConnectionString);

        (await Gauges.IsUpToDateAsync(dataSource)).Should().BeFalse();
    }

    [Fact]
    public async Task A_history_missing_one_migration_is_not_up_to_date()
    {
        await using var scratch = await db.CreateScratchDatabaseAsync("check missing");
        await MigrateGaugesAsync(scratch.ConnectionString, GaugeMigrations.CreateGauges);
        await using var dataSource = NpgsqlDataSource.Create(scratch.ConnectionString);

        (await Gauges.IsUpToDateAsync(dataSource)).Should().BeFalse();
    }

    [Fact]
    public async Task A_history_with_a_migration_the_assembly_does_not_know_is_not_up_to_date()
    {
        await using var scratch = await db.CreateScratchDatabaseAsync("check unknown");
        await MigrateGaugesAsync(scratch.ConnectionString);
        await Sql.ExecuteAsync(
            scratch.ConnectionString,
            "INSERT INTO \"__EFMigrationsHistory\" (\"MigrationId\", \"ProductVersion\") VALUES ('20260103000000_FromANewerBuild', '10.0.15')");
        await using var dataSource = NpgsqlDataSource.Create(scratch.ConnectionString);

        (await Gauges.IsUpToDateAsync(dataSource)).Should().BeFalse();
    }

    [Fact]
    public async Task An_INVALID_index_in_a_schema_the_model_uses_other_than_the_default_one_makes_it_not_up_to_date()
    {
        await using var scratch = await db.CreateScratchDatabaseAsync("check field invalid");
        await using (var context = FieldContext.Create(scratch.ConnectionString))
        {
            await context.Database.MigrateAsync();
        }

        await using var dataSource = NpgsqlDataSource.Create(scratch.ConnectionString);
        (await Field.IsUpToDateAsync(dataSource)).Should().BeTrue("the migration is applied and its index is valid");
        await MarkInvalidAsync(scratch.ConnectionString, $"{FieldContext.Schema}.{FieldContext.Index}");

        await using var connection = await dataSource.OpenConnectionAsync();
        (await Field.IsUpToDateAsync(dataSource)).Should().BeFalse("without a model every schema that is not PostgreSQL's own counts");
        (await Field.IsUpToDateAsync(connection, InvalidIndexScope.Of(FieldModel()), CancellationToken.None))
            .Should().BeFalse("the model's own schemas count for the engine");
        (await Field.IsUpToDateAsync(connection, [null], CancellationToken.None))
            .Should().BeTrue("a check of the current schema alone, as cmms-db's was, misses it");
    }

    [Fact]
    public async Task Without_a_model_an_INVALID_index_in_any_schema_that_is_not_PostgreSQLs_own_makes_it_not_up_to_date()
    {
        await using var scratch = await db.CreateScratchDatabaseAsync("check elsewhere");
        await MigrateGaugesAsync(scratch.ConnectionString);
        await CreateInvalidIndexElsewhereAsync(scratch.ConnectionString);
        await using var dataSource = NpgsqlDataSource.Create(scratch.ConnectionString);
        await using var connection = await dataSource.OpenConnectionAsync();

        (await Gauges.IsUpToDateAsync(dataSource)).Should().BeFalse();
        (await Gauges.IsUpToDateAsync(connection, [null], CancellationToken.None)).Should().BeTrue("the gauges model uses the default schema only");
    }

    [Fact]
    public async Task A_history_table_the_check_is_not_told_about_is_not_read()
    {
        await using var scratch = await db.CreateScratchDatabaseAsync("check other history");
        await MigrateGaugesAsync(scratch.ConnectionString);
        await using var dataSource = NpgsqlDataSource.Create(scratch.ConnectionString);

        (await new MigrationsUpToDateCheck(Gauges.MigrationIds, historyTable: "gauges_history").IsUpToDateAsync(dataSource)).Should().BeFalse();
        (await new MigrationsUpToDateCheck(Gauges.MigrationIds, historySchema: "public").IsUpToDateAsync(dataSource)).Should().BeTrue();
    }

    [Fact]
    public async Task A_history_table_with_quotes_and_backslashes_in_its_names_is_read_where_the_check_is_told_it_is()
    {
        await using var scratch = await db.CreateScratchDatabaseAsync("check hostile history");
        await MigrateGaugesAsync(scratch.ConnectionString);
        const string Schema = "o'brien \\ \"x";
        const string Table = "it's \\ history";
        await Sql.ExecuteEachAsync(
            scratch.ConnectionString,
            "CREATE SCHEMA \"o'brien \\ \"\"x\"",
            "ALTER TABLE \"__EFMigrationsHistory\" SET SCHEMA \"o'brien \\ \"\"x\"",
            "ALTER TABLE \"o'brien \\ \"\"x\".\"__EFMigrationsHistory\" RENAME TO \"it's \\ history\"");
        await using var dataSource = NpgsqlDataSource.Create(scratch.ConnectionString);

        (await new MigrationsUpToDateCheck(Gauges.MigrationIds, Table, Schema).IsUpToDateAsync(dataSource)).Should().BeTrue();
        (await new MigrationsUpToDateCheck(Gauges.MigrationIds, Table).IsUpToDateAsync(dataSource)).Should().BeFalse("that schema is not on the search_path");
        (await Gauges.IsUpToDateAsync(dataSource)).Should().BeFalse("the default history table is gone");
    }

    /// <summary>A table with one index in schema <c>elsewhere</c>, which no test context uses, its index marked INVALID.</summary>
    internal static async Task CreateInvalidIndexElsewhereAsync(string connectionString)
    {
        await Sql.ExecuteEachAsync(
            connectionString,
            "CREATE SCHEMA elsewhere",
            "CREATE TABLE elsewhere.notes (id bigint PRIMARY KEY, body text)",
            "CREATE INDEX ix_notes_body ON elsewhere.notes (body)");
        await MarkInvalidAsync(connectionString, "elsewhere.ix_notes_body");
    }

    /// <summary>The catalog state a concurrent build leaves when it fails (as the engine's repair tests make it).</summary>
    internal static Task MarkInvalidAsync(string connectionString, string index)
        => Sql.ExecuteAsync(connectionString, $"UPDATE pg_index SET indisvalid = false WHERE indexrelid = '{index}'::regclass");

    private static IModel FieldModel()
    {
        using var context = FieldContext.Create("Host=unused;Database=unused");
        return context.GetService<IDesignTimeModel>().Model;
    }

    private static async Task MigrateGaugesAsync(string connectionString, string? target = null)
    {
        await using var context = GaugeContext.Create(connectionString);
        await context.Database.MigrateAsync(target);
    }
}
