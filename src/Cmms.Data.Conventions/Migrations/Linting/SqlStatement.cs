namespace Cmms.Data.Conventions.Migrations.Linting;

/// <summary>One SQL statement of a raw-SQL operation or a script, as the SQL rules see it.</summary>
/// <param name="Text">The statement without comments, whitespace collapsed.</param>
/// <param name="InTransaction">Whether it runs inside a transaction block.</param>
/// <param name="Acknowledged">Rule ids acknowledged for it, with their reasons.</param>
/// <param name="IsGenerated">Whether Cmms.Data generated it (a guarded <c>DO $cmms$</c> block): its own lock-light forms.</param>
internal sealed record SqlStatement(
    string Text,
    bool InTransaction,
    IReadOnlyDictionary<string, string> Acknowledged,
    bool IsGenerated = false);
