namespace Cmms.Data.Analysis.Catalog;

/// <summary>
///     What the column, table-health and server-activity checks read, in the same snapshot as the rest of the catalog
///     (<see cref="HealthCatalogSql" />).
/// </summary>
internal sealed record HealthSnapshot
{
    /// <summary>Nothing read: every check of it finds nothing.</summary>
    public static readonly HealthSnapshot Empty = new();

    public IReadOnlyList<CatalogColumn> Columns { get; init; } = [];

    public IReadOnlyList<ForeignKeyTypeMismatch> ForeignKeyTypeMismatches { get; init; } = [];

    public IReadOnlyList<TableHealth> Tables { get; init; } = [];

    public IReadOnlyList<LongName> LongNames { get; init; } = [];

    public IReadOnlyList<OpenTransaction> OpenTransactions { get; init; } = [];

    /// <summary>The database's transaction-ID age and the server's limits; null when not read.</summary>
    public DatabaseHealth? Database { get; init; }
}

/// <summary>A table column with its type and storage.</summary>
/// <param name="Schema">The table's schema.</param>
/// <param name="Table">The table.</param>
/// <param name="Name">The column.</param>
/// <param name="Number">Its <c>attnum</c>.</param>
/// <param name="Type">Its type as <c>format_type</c> prints it, modifiers included (<c>character(3)</c>, <c>timestamp without time zone</c>).</param>
/// <param name="TypeName">The type's catalog name (<c>bpchar</c>, <c>timestamp</c>, <c>int4</c>, <c>_int4</c>).</param>
/// <param name="IsArray">Whether the type is an array type.</param>
/// <param name="Length">Its stored length, or -1 / -2 for variable-length types.</param>
/// <param name="Alignment">Its alignment letter.</param>
/// <param name="NotNull">Whether it is declared NOT NULL.</param>
/// <param name="Identity"><c>a</c> (ALWAYS), <c>d</c> (BY DEFAULT) or empty when not an identity column.</param>
/// <param name="DefaultSequence">The schema-qualified sequence its DEFAULT calls, if any, as (schema, name).</param>
/// <param name="SequenceOwnedByColumn">Whether that sequence is OWNED BY this column.</param>
/// <param name="SequenceOwned">Whether that sequence is OWNED BY any column (this one or another).</param>
internal sealed record CatalogColumn(
    string Schema,
    string Table,
    string Name,
    int Number,
    string Type,
    string TypeName,
    bool IsArray,
    int Length,
    char Alignment,
    bool NotNull,
    string Identity,
    (string Schema, string Name)? DefaultSequence,
    bool SequenceOwnedByColumn,
    bool SequenceOwned)
{
    public string QualifiedTable => $"{Schema}.{Table}";
}

/// <summary>One column pair of a foreign key whose types differ.</summary>
internal sealed record ForeignKeyTypeMismatch(
    string Schema,
    string Table,
    string ForeignKey,
    string Column,
    string ColumnType,
    string ReferencedTable,
    string ReferencedColumn,
    string ReferencedType)
{
    public string QualifiedTable => $"{Schema}.{Table}";
}

/// <summary>A table's heap and vacuum facts.</summary>
/// <param name="Schema">Its schema.</param>
/// <param name="Name">Its name.</param>
/// <param name="Pages">Heap pages as of the last vacuum or analyze (<c>relpages</c>).</param>
/// <param name="Tuples">Live rows as of then (<c>reltuples</c>; negative when never vacuumed or analyzed).</param>
/// <param name="FillFactor">The heap fill factor in percent (default 100).</param>
/// <param name="SequentialRowsRead">Rows returned by its sequential scans since the statistics reset.</param>
/// <param name="FrozenXidAge">The age of its oldest unfrozen transaction ID; null for a partitioned table.</param>
/// <param name="FreezeMaxAge">The <c>autovacuum_freeze_max_age</c> that applies to it.</param>
internal sealed record TableHealth(
    string Schema,
    string Name,
    long Pages,
    double Tuples,
    int FillFactor,
    long SequentialRowsRead,
    long? FrozenXidAge,
    long FreezeMaxAge)
{
    public string QualifiedName => $"{Schema}.{Name}";
}

/// <summary>A name within a few bytes of the identifier limit.</summary>
/// <param name="Kind">What it names: table, index, sequence, view, materialized view, column or constraint.</param>
/// <param name="Schema">Its schema.</param>
/// <param name="Table">The table it belongs to (itself for a table), if any.</param>
/// <param name="Name">The name.</param>
/// <param name="Bytes">Its length in bytes of the server encoding.</param>
/// <param name="MaxBytes">The server's <c>max_identifier_length</c>.</param>
internal sealed record LongName(string Kind, string Schema, string? Table, string Name, int Bytes, int MaxBytes);

/// <summary>Another session's open transaction.</summary>
/// <param name="ProcessId">The backend's process id.</param>
/// <param name="User">Its role.</param>
/// <param name="Application">Its <c>application_name</c> (any role can set it: hostile).</param>
/// <param name="State">Its state (<c>active</c>, <c>idle in transaction</c>, …).</param>
/// <param name="StartedAt">When its transaction began.</param>
/// <param name="XminAge">The age of the oldest snapshot it holds, if any.</param>
internal sealed record OpenTransaction(int ProcessId, string? User, string? Application, string? State, DateTimeOffset StartedAt, long? XminAge);

/// <summary>The database's oldest unfrozen transaction ID and the server's freeze limit.</summary>
/// <param name="FrozenXidAge"><c>age(datfrozenxid)</c>.</param>
/// <param name="FreezeMaxAge">The server's <c>autovacuum_freeze_max_age</c>.</param>
/// <param name="HiddenSessions">Sessions of other roles whose activity this role may not see.</param>
internal sealed record DatabaseHealth(long FrozenXidAge, long FreezeMaxAge, long HiddenSessions);
