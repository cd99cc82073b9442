using Cmms.Data.Analysis.Sql;

namespace Cmms.Data.Analysis.Catalog;

/// <summary>
///     Everything analyze reads from one database, in one read-only snapshot: the input of every check.
/// </summary>
internal sealed record CatalogSnapshot
{
    public required DatabaseFacts Facts { get; init; }

    public required IReadOnlyList<CatalogTable> Tables { get; init; }

    public required IReadOnlyList<CatalogIndex> Indexes { get; init; }

    public required IReadOnlyList<CatalogConstraint> Constraints { get; init; }

    public required IReadOnlyList<CatalogSequence> Sequences { get; init; }

    /// <summary>Column statistics (<c>pg_stats</c>) by <c>schema.relation.column</c>; only what the role may see.</summary>
    public required IReadOnlyDictionary<string, ColumnStatistic> Statistics { get; init; }

    public required SqlQuoter Quoter { get; init; }

    /// <summary>Columns, heap and vacuum facts, long names and open transactions (<see cref="HealthCatalogSql" />).</summary>
    public HealthSnapshot Health { get; init; } = HealthSnapshot.Empty;

    /// <summary>How the fixes are written: PostgreSQL's SQL unless the reader says otherwise (SQLite's reader does).</summary>
    public FixDialect Fixes
    {
        get => field ??= new PostgreSqlFixDialect(Quoter);
        init;
    }

    public static string StatisticsKey(string schema, string relation, string column) => $"{schema}.{relation}.{column}";
}

/// <summary>Facts about the server and the database as a whole.</summary>
/// <param name="Database">The database name.</param>
/// <param name="ServerVersion">The server version text (<c>15.8</c>).</param>
/// <param name="ServerVersionNumber">The server version number (<c>150008</c>).</param>
/// <param name="BlockSize">The page size in bytes.</param>
/// <param name="StatisticsResetAt">When the database's statistics were last reset, if ever.</param>
/// <param name="ServerTime">The server's clock when the snapshot was read.</param>
/// <param name="Schemas">The analyzed schemas.</param>
internal sealed record DatabaseFacts(
    string Database,
    string ServerVersion,
    int ServerVersionNumber,
    int BlockSize,
    DateTimeOffset? StatisticsResetAt,
    DateTimeOffset ServerTime,
    IReadOnlyList<string> Schemas);

/// <summary>What kind of relation a <see cref="CatalogTable" /> is.</summary>
internal enum RelationKind
{
    /// <summary>An ordinary table.</summary>
    Table,

    /// <summary>A partitioned table (its rows live in its partitions).</summary>
    PartitionedTable,

    /// <summary>A materialized view.</summary>
    MaterializedView,
}

/// <summary>A table (or materialized view) with its size and tuple statistics.</summary>
/// <param name="Schema">Its schema.</param>
/// <param name="Name">Its name.</param>
/// <param name="Kind">Plain table, partitioned table or materialized view.</param>
/// <param name="IsPartition">Whether it is a partition of a partitioned table.</param>
/// <param name="HasPrimaryKey">Whether it has a primary key.</param>
/// <param name="EstimatedRows">The planner's estimate; negative when never analyzed or vacuumed.</param>
/// <param name="TableBytes">Its size with TOAST, free space and visibility maps, without its indexes.</param>
/// <param name="LiveTuples">Live tuples per the statistics.</param>
/// <param name="DeadTuples">Dead tuples per the statistics.</param>
/// <param name="ParentSchema">For a partition, its parent's schema.</param>
/// <param name="ParentName">For a partition, its parent's name.</param>
/// <param name="SequentialScans">Sequential scans since the statistics reset (<c>pg_stat_get_numscans</c> of the table).</param>
internal sealed record CatalogTable(
    string Schema,
    string Name,
    RelationKind Kind,
    bool IsPartition,
    bool HasPrimaryKey,
    double EstimatedRows,
    long TableBytes,
    long LiveTuples,
    long DeadTuples,
    string? ParentSchema,
    string? ParentName,
    long SequentialScans)
{
    public string QualifiedName => $"{Schema}.{Name}";

    public string? QualifiedParent => ParentName is null ? null : $"{ParentSchema}.{ParentName}";
}

/// <summary>A check or foreign key constraint, as far as analyze cares.</summary>
/// <param name="Schema">The table's schema.</param>
/// <param name="Table">The table name.</param>
/// <param name="Name">The constraint name.</param>
/// <param name="Type">The <c>pg_constraint.contype</c> letter: <c>f</c> foreign key, <c>c</c> check, …</param>
/// <param name="IsValidated">Whether the constraint was validated (false after <c>NOT VALID</c>).</param>
/// <param name="Columns">The constrained (for a foreign key: referencing) columns, in order.</param>
/// <param name="ReferencedTable">For a foreign key, the schema-qualified referenced table.</param>
/// <param name="ReferencedColumns">For a foreign key, the referenced columns, in order.</param>
internal sealed record CatalogConstraint(
    string Schema,
    string Table,
    string Name,
    char Type,
    bool IsValidated,
    IReadOnlyList<string> Columns,
    string? ReferencedTable,
    IReadOnlyList<string> ReferencedColumns)
{
    public string QualifiedTable => $"{Schema}.{Table}";

    public bool IsForeignKey => Type == 'f';
}

/// <summary>A sequence and the column it feeds, if any.</summary>
/// <param name="Schema">Its schema.</param>
/// <param name="Name">Its name.</param>
/// <param name="DataType">Its type: <c>smallint</c>, <c>integer</c> or <c>bigint</c>.</param>
/// <param name="MinValue">Its minimum value.</param>
/// <param name="MaxValue">Its maximum value.</param>
/// <param name="Increment">Its increment.</param>
/// <param name="Cycles">Whether it wraps around at its limit.</param>
/// <param name="LastValue">The last value handed out; <see langword="null" /> when never used or not readable.</param>
/// <param name="IsReadable">Whether the role may read the sequence's state (USAGE or SELECT).</param>
/// <param name="Owner">The narrowest column the sequence feeds (serial, identity, or any DEFAULT nextval), if any.</param>
/// <param name="StartValue">Its start value: the first <c>nextval</c> returns it.</param>
internal sealed record CatalogSequence(
    string Schema,
    string Name,
    string DataType,
    long MinValue,
    long MaxValue,
    long Increment,
    bool Cycles,
    long? LastValue,
    bool IsReadable,
    SequenceOwner? Owner,
    long StartValue)
{
    public string QualifiedName => $"{Schema}.{Name}";
}

/// <summary>The column a sequence feeds.</summary>
internal sealed record SequenceOwner(string Schema, string Table, string Column, string ColumnType)
{
    public string QualifiedTable => $"{Schema}.{Table}";
}

/// <summary>One column's planner statistics: average stored width and fraction of nulls.</summary>
internal sealed record ColumnStatistic(int AverageWidth, double NullFraction);

/// <summary>The Cmms.Data migration history found in the database.</summary>
/// <param name="Exists">Whether a <c>__EFMigrationsHistory</c> table exists.</param>
/// <param name="IsReadable">Whether the role may read it.</param>
/// <param name="MigrationIds">The applied migration ids, when read.</param>
internal sealed record MigrationHistory(bool Exists, bool IsReadable, IReadOnlyList<string> MigrationIds)
{
    public static readonly MigrationHistory NotRead = new(false, false, []);
}
