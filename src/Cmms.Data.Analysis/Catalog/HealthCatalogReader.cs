using Npgsql;

namespace Cmms.Data.Analysis.Catalog;

/// <summary>Reads the <see cref="HealthCatalogSql" /> queries inside the catalog snapshot's transaction.</summary>
internal static class HealthCatalogReader
{
    public static async Task<HealthSnapshot> ReadAsync(NpgsqlConnection connection, string[] schemas, CancellationToken cancellationToken)
        => new()
        {
            Columns = await CatalogReader.ReadAllAsync(connection, HealthCatalogSql.Columns, schemas, ReadColumn, cancellationToken).ConfigureAwait(false),
            ForeignKeyTypeMismatches = await CatalogReader.ReadAllAsync(connection, HealthCatalogSql.ForeignKeyTypeMismatches, schemas, ReadMismatch, cancellationToken)
                .ConfigureAwait(false),
            Tables = await CatalogReader.ReadAllAsync(connection, HealthCatalogSql.TableHealth, schemas, ReadTable, cancellationToken).ConfigureAwait(false),
            LongNames = await CatalogReader.ReadAllAsync(connection, HealthCatalogSql.LongNames, schemas, ReadLongName, cancellationToken).ConfigureAwait(false),
            OpenTransactions = await CatalogReader.ReadAllAsync(connection, HealthCatalogSql.OpenTransactions, null, ReadTransaction, cancellationToken)
                .ConfigureAwait(false),
            Database = (await CatalogReader.ReadAllAsync(connection, HealthCatalogSql.DatabaseHealth, null, ReadDatabase, cancellationToken).ConfigureAwait(false))
                .SingleOrDefault(),
        };

    private static CatalogColumn ReadColumn(NpgsqlDataReader r)
        => new(
            r.GetString(0),
            r.GetString(1),
            r.GetString(2),
            r.GetInt32(3),
            r.GetString(4),
            r.GetString(5),
            r.GetBoolean(6),
            r.GetInt32(7),
            r.GetString(8)[0],
            r.GetBoolean(9),
            r.GetString(10),
            r.IsDBNull(11) ? null : (r.GetString(11), r.GetString(12)),
            !r.IsDBNull(13) && r.GetBoolean(13),
            !r.IsDBNull(14) && r.GetBoolean(14));

    private static ForeignKeyTypeMismatch ReadMismatch(NpgsqlDataReader r)
        => new(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5), r.GetString(6), r.GetString(7));

    private static TableHealth ReadTable(NpgsqlDataReader r)
        => new(
            r.GetString(0),
            r.GetString(1),
            r.GetInt64(2),
            r.GetDouble(3),
            r.GetInt32(4),
            r.GetInt64(5),
            r.IsDBNull(6) ? null : r.GetInt32(6),
            r.GetInt64(7));

    private static LongName ReadLongName(NpgsqlDataReader r)
        => new(r.GetString(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.GetString(3), r.GetInt32(4), r.GetInt32(5));

    private static OpenTransaction ReadTransaction(NpgsqlDataReader r)
        => new(
            r.GetInt32(0),
            r.IsDBNull(1) ? null : r.GetString(1),
            r.IsDBNull(2) ? null : r.GetString(2),
            r.IsDBNull(3) ? null : r.GetString(3),
            r.GetFieldValue<DateTimeOffset>(4),
            r.IsDBNull(5) ? null : r.GetInt64(5));

    private static DatabaseHealth ReadDatabase(NpgsqlDataReader r) => new(r.GetInt64(0), r.GetInt64(1), r.GetInt64(2));
}
