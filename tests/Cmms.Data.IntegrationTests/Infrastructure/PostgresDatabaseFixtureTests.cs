using Npgsql;

namespace Cmms.Data.IntegrationTests.Infrastructure;

public sealed class PostgresDatabaseFixtureTests(PostgresDatabaseFixture<PostgresDatabaseFixtureTests> db)
    : IClassFixture<PostgresDatabaseFixture<PostgresDatabaseFixtureTests>>
{
    [Fact]
    public async Task Class_database_is_named_after_the_test_class_and_is_the_one_connected_to()
    {
        await using var connection = await db.OpenConnectionAsync();
        var current = (string)(await new NpgsqlCommand("select current_database()", connection).ExecuteScalarAsync())!;

        db.DatabaseName.Should().MatchRegex("^postgres_database_fixture_tests_[0-9a-f]{8}$");
        current.Should().Be(db.DatabaseName);
        new NpgsqlConnectionStringBuilder(db.ConnectionString).Database.Should().Be(db.DatabaseName);
    }

    [Fact]
    public async Task Table_created_in_one_class_database_is_absent_from_another()
    {
        var first = new PostgresDatabaseFixture<IsolationFirst>();
        var second = new PostgresDatabaseFixture<IsolationSecond>();
        await first.InitializeAsync();
        await second.InitializeAsync();
        try
        {
            await using (var connection = await first.OpenConnectionAsync())
            {
                await new NpgsqlCommand("create table only_in_first (id int)", connection).ExecuteNonQueryAsync();
            }

            (await TableExistsAsync(first, "only_in_first")).Should().BeTrue();
            (await TableExistsAsync(second, "only_in_first")).Should().BeFalse();
            first.DatabaseName.Should().StartWith("isolation_first_");
            second.DatabaseName.Should().StartWith("isolation_second_");
        }
        finally
        {
            await first.DisposeAsync();
            await second.DisposeAsync();
        }

        (await PostgresDatabaseFixture.Server.DatabaseExistsAsync(first.DatabaseName)).Should().BeFalse();
        (await PostgresDatabaseFixture.Server.DatabaseExistsAsync(second.DatabaseName)).Should().BeFalse();
    }

    [Fact]
    public async Task Fixture_dispose_drops_its_database_even_while_a_connection_is_open()
    {
        var fixture = new PostgresDatabaseFixture();
        await fixture.InitializeAsync();
        await using var lingering = await fixture.OpenConnectionAsync();

        await fixture.DisposeAsync();

        fixture.DatabaseName.Should().StartWith("test_");
        (await PostgresDatabaseFixture.Server.DatabaseExistsAsync(fixture.DatabaseName)).Should().BeFalse();
    }

    [Fact]
    public async Task Scratch_database_is_empty_separate_and_dropped_when_disposed()
    {
        string name;
        await using (var scratch = await db.CreateScratchDatabaseAsync("migrate from scratch"))
        {
            name = scratch.Name;
            name.Should().MatchRegex("^migrate_from_scratch_[0-9a-f]{8}$");
            await using var connection = await scratch.OpenConnectionAsync();
            var tables = (long)(await new NpgsqlCommand(
                "select count(*) from information_schema.tables where table_schema = 'public'", connection).ExecuteScalarAsync())!;
            tables.Should().Be(0);
            (await PostgresDatabaseFixture.Server.DatabaseExistsAsync(name)).Should().BeTrue();
        }

        (await PostgresDatabaseFixture.Server.DatabaseExistsAsync(name)).Should().BeFalse();
    }

    [Fact]
    public async Task Scratch_databases_left_undisposed_are_dropped_with_the_fixture()
    {
        var fixture = new PostgresDatabaseFixture();
        await fixture.InitializeAsync();
        var forgotten = await fixture.CreateScratchDatabaseAsync("forgotten");

        await fixture.DisposeAsync();

        (await PostgresDatabaseFixture.Server.DatabaseExistsAsync(forgotten.Name)).Should().BeFalse();
    }

    private static async Task<bool> TableExistsAsync(PostgresDatabaseFixture fixture, string table)
    {
        await using var connection = await fixture.OpenConnectionAsync();
        await using var command = new NpgsqlCommand("select to_regclass($1) is not null", connection);
        command.Parameters.AddWithValue(table);
        return (bool)(await command.ExecuteScalarAsync())!;
    }

    private sealed class IsolationFirst;

    private sealed class IsolationSecond;
}
