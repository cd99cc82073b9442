using Microsoft.Data.Sqlite;

namespace Cmms.Data.IntegrationTests.Sqlite;

/// <summary>A SQLite database file of its own in the temp directory, deleted (with its journals) on dispose.</summary>
internal sealed class SqliteTestFile : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"cmms-sqlite-{Guid.NewGuid():N}.db");

    public string ConnectionString => new SqliteConnectionStringBuilder { DataSource = Path, Pooling = false }.ToString();

    /// <summary>Opens the file read-only, so a test reading it cannot change or create it.</summary>
    public SqliteConnection OpenReadOnly()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString());
        connection.Open();
        return connection;
    }

    public void Dispose()
    {
        foreach (var file in new[] { Path, Path + "-journal", Path + "-wal", Path + "-shm" })
        {
            File.Delete(file);
        }
    }
}
