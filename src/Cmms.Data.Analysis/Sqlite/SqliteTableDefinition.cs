namespace Cmms.Data.Analysis.Sqlite;

/// <summary>What rebuilding a SQLite table needs of it, as <c>sqlite_schema</c> and <c>pragma table_xinfo</c> hold it.</summary>
/// <param name="Name">The table's name.</param>
/// <param name="Sql">Its <c>CREATE TABLE</c> statement.</param>
/// <param name="StoredColumns">Its columns other than generated ones, in order: what a copy of its rows carries.</param>
/// <param name="Indexes">Its indexes made by <c>CREATE INDEX</c>, by name, with their statements.</param>
/// <param name="Triggers">The statements of its triggers.</param>
internal sealed record SqliteTableDefinition(
    string Name,
    string Sql,
    IReadOnlyList<string> StoredColumns,
    IReadOnlyDictionary<string, string> Indexes,
    IReadOnlyList<string> Triggers);
