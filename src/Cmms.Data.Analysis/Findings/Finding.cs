namespace Cmms.Data.Analysis.Findings;

/// <summary>
///     One thing <c>cmms-db analyze</c> found wrong, with the SQL that fixes it.
/// </summary>
/// <param name="Kind">What is wrong.</param>
/// <param name="Severity">How urgent it is.</param>
/// <param name="Table">The schema-qualified table (<c>public.orders</c>), or <see langword="null" /> for a free-standing sequence.</param>
/// <param name="Index">
///     The index concerned, or the constraint for <c>fk_without_index</c> and <c>not_valid_constraint</c>; none for a
///     table or sequence finding.
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
