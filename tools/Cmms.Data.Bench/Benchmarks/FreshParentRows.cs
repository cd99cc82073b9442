using Cmms.Data.Bench.Schemas;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Cmms.Data.Bench.Benchmarks;

/// <summary>
///     Adds parent rows that no row references yet: copies of the table's first row with new unique text values. A
///     delete of such a row fails no foreign key and cascades nowhere, so its cost is the referential-integrity checks
///     alone, one per referencing foreign key, the same in every schema.
/// </summary>
internal static class FreshParentRows
{
    /// <summary>Inserts <paramref name="count" /> rows into <paramref name="table" /> and returns their keys, in order.</summary>
    public static async Task<IReadOnlyList<long>> InsertAsync(NpgsqlConnection connection, string table, int count, CancellationToken cancellationToken)
    {
        var sql = InsertSql(table);
        var keys = new List<long>(count);
        for (var n = 0; n < count; n++)
        {
            await using var command = new NpgsqlCommand(sql, connection);
            command.Parameters.Add(new NpgsqlParameter { Value = n });
            keys.Add((long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!);
        }

        return keys;
    }

    /// <summary>The INSERT … SELECT of one copy, from the Cmms.Data model: every column but the generated key, unique text made unique with $1.</summary>
    public static string InsertSql(string table)
    {
        using var context = CmmsContexts.Create(CmmsContexts.ModelOnlyConnection);
        var sql = context.GetService<ISqlGenerationHelper>();
        var entity = context.GetService<IDesignTimeModel>().Model.GetEntityTypes().Single(e => e.GetTableName() == table);
        var key = entity.FindPrimaryKey()!.Properties;
        if (key.Count != 1 || key[0].ClrType != typeof(long))
        {
            throw new InvalidOperationException($"{table} has no single bigint key; a fresh row cannot be returned by it.");
        }

        var unique = entity.GetIndexes().Where(i => i.IsUnique).SelectMany(i => i.Properties)
            .Concat(entity.GetKeys().Where(k => !k.IsPrimaryKey()).SelectMany(k => k.Properties))
            .ToHashSet();
        var copied = entity.GetProperties().Where(p => !p.IsPrimaryKey() && p.GetColumnName() is not null).ToList();
        var columns = string.Join(", ", copied.Select(p => sql.DelimitIdentifier(p.GetColumnName())));
        var values = string.Join(", ", copied.Select(p => unique.Contains(p) && p.ClrType == typeof(string)
            ? "'cmms-bench-' || $1::integer::text"
            : sql.DelimitIdentifier(p.GetColumnName())));
        var keyColumn = sql.DelimitIdentifier(key[0].GetColumnName());
        return $"INSERT INTO {sql.DelimitIdentifier(table)} ({columns}) SELECT {values} FROM {sql.DelimitIdentifier(table)} ORDER BY {keyColumn} LIMIT 1 RETURNING {keyColumn}";
    }
}
