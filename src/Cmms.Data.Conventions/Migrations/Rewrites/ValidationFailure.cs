namespace Cmms.Data.Conventions.Migrations.Rewrites;

/// <summary>What a failed validation step reports: which constraint, why, and the query that finds the offending rows.</summary>
/// <param name="ConstraintKind">"foreign key", "check constraint", …, as the message names it.</param>
/// <param name="Constraint">The constraint's name.</param>
/// <param name="Table">The table the constraint is on.</param>
/// <param name="Schema">The table's schema, or null for the search path's.</param>
/// <param name="Condition">The PL/pgSQL condition name the failing statement raises (e.g. <c>check_violation</c>).</param>
/// <param name="Problem">What is wrong with the data, in words.</param>
/// <param name="OffendingRows">A ready <c>SELECT</c> that lists the rows to fix.</param>
internal sealed record ValidationFailure(
    string ConstraintKind,
    string Constraint,
    string Table,
    string? Schema,
    string Condition,
    string Problem,
    string OffendingRows);
