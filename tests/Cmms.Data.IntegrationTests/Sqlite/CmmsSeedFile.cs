using Microsoft.Data.Sqlite;

namespace Cmms.Data.IntegrationTests.Sqlite;

/// <summary>
///     A hand-made SQLite file with the CMMS seed's index mistakes: the duplicate <c>idx_username</c> beside the unique
///     <c>ix_users_username</c>, a prefix pair on machines, a worksheet foreign key covered only by a partial index, and
///     a stock-moves table without a primary key (its unique index on NOT NULL columns can become one), with rows.
/// </summary>
internal static class CmmsSeedFile
{
    public const string Schema = """
        CREATE TABLE users (id INTEGER PRIMARY KEY, username TEXT NOT NULL);
        CREATE UNIQUE INDEX ix_users_username ON users (username);
        CREATE INDEX idx_username ON users (username);
        CREATE TABLE machines (id INTEGER PRIMARY KEY, site TEXT NOT NULL, code TEXT NOT NULL);
        CREATE INDEX ix_machines_site ON machines (site);
        CREATE UNIQUE INDEX ux_machines_site_code ON machines (site, code);
        CREATE TABLE worksheets (
            id INTEGER PRIMARY KEY,
            machine_id INTEGER NOT NULL REFERENCES machines (id) ON DELETE CASCADE,
            closed INTEGER NOT NULL DEFAULT 0,
            opened_at TEXT NOT NULL);
        CREATE INDEX ix_worksheets_open_by_machine ON worksheets (machine_id, opened_at) WHERE NOT closed;
        CREATE TABLE stock_moves (part_code TEXT NOT NULL, moved_at TEXT NOT NULL, quantity INTEGER NOT NULL);
        CREATE UNIQUE INDEX ux_stock_moves_part_moved ON stock_moves (part_code, moved_at);
        CREATE INDEX ix_stock_moves_quantity ON stock_moves (quantity);
        CREATE TRIGGER stock_moves_positive BEFORE INSERT ON stock_moves WHEN NEW.quantity = 0 BEGIN SELECT RAISE(ABORT, 'zero'); END;
        INSERT INTO users (username) VALUES ('ada'), ('grace');
        INSERT INTO machines (site, code) VALUES ('north', 'm1'), ('south', 'm2');
        INSERT INTO worksheets (machine_id, closed, opened_at) VALUES (1, 0, '2026-01-01'), (2, 1, '2026-01-02');
        INSERT INTO stock_moves VALUES ('bolt', '2026-01-01', 5), ('nut', '2026-01-02', -3);
        """;

    /// <summary>Runs <paramref name="sql" /> on the file, read-write (creating it when it does not exist).</summary>
    public static void Execute(SqliteTestFile file, string sql)
    {
        using var connection = new SqliteConnection(file.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>The file's whole content and last write time, to prove an analysis left it as it was.</summary>
    public static (byte[] Bytes, DateTime WrittenAt) Snapshot(string path) => (File.ReadAllBytes(path), File.GetLastWriteTimeUtc(path));
}
