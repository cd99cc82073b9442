using Cmms.Data.IntegrationTests.Infrastructure;
using Cmms.Data.SafeSchemaBench;

namespace Cmms.Data.IntegrationTests.Migrations.Rewrites;

/// <summary>The busy tables the rewrite scenarios change (see <see cref="BusyTable" />), and what the tests read back from the catalog.</summary>
internal static class BusyTables
{
    public const int Rows = BusyTable.DefaultRows;

    public const int Parents = BusyTable.Parents;

    public static Task CreateAsync(string connectionString, string table, int rows, bool withPrimaryKey = true)
        => BusyTable.CreateAsync(connectionString, table, rows, withPrimaryKey);

    /// <summary>Whether the constraint is validated; null when it does not exist.</summary>
    public static Task<bool?> ConstraintValidatedAsync(string connectionString, string constraint)
        => Sql.ScalarAsync<bool?>(connectionString, "SELECT convalidated FROM pg_constraint WHERE conname = $1", constraint);

    /// <summary>The validity of every index of that name (none when there is no such index).</summary>
    public static Task<IReadOnlyList<bool>> IndexValidityAsync(string connectionString, string index)
        => Sql.ListAsync<bool>(
            connectionString, "SELECT i.indisvalid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE c.relname = $1", index);

    public static Task<bool> ColumnIsNotNullAsync(string connectionString, string table, string column)
        => Sql.ScalarAsync<bool>(
            connectionString, "SELECT attnotnull FROM pg_attribute WHERE attrelid = $1::regclass AND attname = $2", table, column);

    public static Task<long> CountAsync(string connectionString, string sql) => Sql.ScalarAsync<long>(connectionString, sql);
}
