namespace Cmms.Data.Analysis.Findings;

/// <summary>
///     One thing <c>cmms-db analyze</c> found wrong, with the SQL that fixes it.
/// </summary>
/// <param name="Kind">What is wrong.</param>
/// <param name="Severity">How urgent it is.</param>
/// <param name="Table">
///     The schema-qualified table (<c>public.orders</c>), or <see langword="null" /> for a free-standing sequence and
///     for server-wide findings (<c>long_transaction</c>, a database's <c>xid_wraparound</c>).
/// </param>
/// <param name="Index">
///     The index concerned, or the constraint for the foreign key and <c>not_valid_constraint</c> findings, the column
///     for a column finding (<c>json_column</c>, …), the schema-qualified sequence for <c>sequence_not_owned</c>, the
///     name for <c>name_near_limit</c>; none for a table finding, <c>sequence_near_max</c> or a server-wide one.
/// </param>
/// <param name="CoveredBy">For duplicate and redundant indexes: the index or key that serves their queries.</param>
/// <param name="Detail">One line a person understands.</param>
/// <param name="Fix">SQL (or, where no statement can be derived, a SQL comment saying what to do).</param>
public sealed record Finding(
    FindingKind Kind,
    FindingSeverity Severity,
    string? Table,
    string? Index,
    string? CoveredBy,
    string Detail,
    string Fix);
