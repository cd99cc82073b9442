using System.Net;
using Npgsql;
using NpgsqlTypes;

namespace Cmms.Data.Bench.Data;

/// <summary>
///     Writes generated rows into one binary COPY, one typed field at a time, in the order of the table's column list.
/// </summary>
internal sealed class RowWriter(NpgsqlBinaryImporter importer)
{
    public long Rows { get; private set; }

    public RowWriter Row()
    {
        importer.StartRow();
        Rows++;
        return this;
    }

    public RowWriter Id(long value) => Write(value, NpgsqlDbType.Bigint);

    public RowWriter Id(long? value) => value is { } id ? Id(id) : Null();

    public RowWriter Int(int value) => Write(value, NpgsqlDbType.Integer);

    public RowWriter Text(string? value) => value is null ? Null() : Write(value, NpgsqlDbType.Text);

    public RowWriter Json(string? value) => value is null ? Null() : Write(value, NpgsqlDbType.Jsonb);

    public RowWriter Bool(bool value) => Write(value, NpgsqlDbType.Boolean);

    public RowWriter Bool(bool? value) => value is { } flag ? Bool(flag) : Null();

    public RowWriter Time(DateTime value) => Write(value, NpgsqlDbType.TimestampTz);

    public RowWriter Time(DateTime? value) => value is { } time ? Time(time) : Null();

    public RowWriter Date(DateOnly value) => Write(value, NpgsqlDbType.Date);

    public RowWriter Date(DateOnly? value) => value is { } date ? Date(date) : Null();

    public RowWriter Money(decimal value) => Write(value, NpgsqlDbType.Numeric);

    public RowWriter Real(double value) => Write(value, NpgsqlDbType.Double);

    public RowWriter Real(double? value) => value is { } real ? Real(real) : Null();

    public RowWriter Inet(IPAddress? value) => value is null ? Null() : Write(value, NpgsqlDbType.Inet);

    private RowWriter Null()
    {
        importer.WriteNull();
        return this;
    }

    private RowWriter Write<T>(T value, NpgsqlDbType type)
    {
        importer.Write(value, type);
        return this;
    }
}
