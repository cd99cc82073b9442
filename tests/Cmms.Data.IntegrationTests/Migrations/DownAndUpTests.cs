using Cmms.Data.IntegrationTests.Infrastructure;
using Npgsql;

namespace Cmms.Data.IntegrationTests.Migrations;

public sealed class DownAndUpTests(PostgresDatabaseFixture<DownAndUpTests> db) : IClassFixture<PostgresDatabaseFixture<DownAndUpTests>>
{
    private static readonly string[] FingerprintedTables = ["roles", "users", "plans", "orders", "machines", "worksheets", "user_activity_logs"];

    [Fact]
    public async Task Down_to_initial_schema_and_up_again_keeps_every_row_and_restores_each_index_set()
    {
        await using var initialOnly = await db.CreateScratchDatabaseAsync("initial_only");
        await CmmsContexts.MigrateAsync(initialOnly.ConnectionString, "InitialSchema");
        await CmmsContexts.MigrateAsync(db.ConnectionString);
        var headIndexes = await IndexNamesAsync(db.ConnectionString);
        await SeedAsync();
        var before = await FingerprintAsync();

        await CmmsContexts.MigrateAsync(db.ConnectionString, "InitialSchema");

        (await FingerprintAsync()).Should().Equal(before);
        (await IndexNamesAsync(db.ConnectionString)).Should().Equal(await IndexNamesAsync(initialOnly.ConnectionString));
        (await CatalogIndexes.ReadAsync(db.ConnectionString)).Should().OnlyContain(i => i.IsValid);

        await CmmsContexts.MigrateAsync(db.ConnectionString);

        (await FingerprintAsync()).Should().Equal(before);
        (await IndexNamesAsync(db.ConnectionString)).Should().Equal(headIndexes);
        before.Should().OnlyContain(f => f.Rows > 0);
    }

    private async Task SeedAsync()
    {
        await using var connection = await db.OpenConnectionAsync();
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO roles (name) VALUES ('admin'), ('technician');
            INSERT INTO plans (code, name, price, is_active, sort_order) VALUES ('free', 'Free', 0, true, 1), ('pro', 'Pro', 19.90, true, 2);
            INSERT INTO users (username, email, normalized_email, role_id, is_active, is_phone_verified, is_blocked, created_at)
            SELECT 'user' || g, 'user' || g || '@example.com', 'USER' || g || '@EXAMPLE.COM', (SELECT min(id) FROM roles), g % 3 <> 0, g % 2 = 0, false,
                   timestamptz '2025-01-01' + g * interval '1 hour'
            FROM generate_series(1, 200) g;
            INSERT INTO orders (user_id, plan_id, status, total_amount, created_at)
            SELECT u.id, (SELECT max(id) FROM plans), CASE WHEN u.id % 4 = 0 THEN 'approved' ELSE 'pending' END, 19.90, u.created_at
            FROM users u;
            INSERT INTO production_lines (name, code) VALUES ('Line A', 'A');
            INSERT INTO machines (serial_number, production_line_id, name, status, attributes, created_at)
            SELECT 'SN-' || g, (SELECT id FROM production_lines), 'Press ' || g, 'running', jsonb_build_object('tonnage', g), now()
            FROM generate_series(1, 20) g;
            INSERT INTO worksheets (machine_id, created_by_user_id, assigned_to_user_id, status, priority, title, description, created_at)
            SELECT m.id, (SELECT min(id) FROM users), (SELECT max(id) FROM users), 'open', 'normal', 'Check ' || m.name, 'Hydraulic leak near the pump', now()
            FROM machines m;
            INSERT INTO user_activity_logs (user_id, activity_type, created_at)
            SELECT u.id, 'login', u.created_at + interval '1 day' FROM users u;
            """,
            connection);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<List<(string Table, long Rows, string Checksum)>> FingerprintAsync()
    {
        await using var connection = await db.OpenConnectionAsync();
        var result = new List<(string, long, string)>();
        foreach (var table in FingerprintedTables)
        {
            await using var command = new NpgsqlCommand(
                $"SELECT count(*), coalesce(md5(string_agg(t::text, '|' ORDER BY t.id)), '') FROM {table} t", connection);
            await using var reader = await command.ExecuteReaderAsync();
            await reader.ReadAsync();
            result.Add((table, reader.GetInt64(0), reader.GetString(1)));
        }

        return result;
    }

    private static async Task<List<string>> IndexNamesAsync(string connectionString)
        => (await CatalogIndexes.ReadAsync(connectionString)).Select(i => $"{i.Shape.Table}.{i.Shape.Name}").ToList();
}
