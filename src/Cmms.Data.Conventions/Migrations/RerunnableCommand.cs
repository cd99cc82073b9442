namespace Cmms.Data.Conventions.Migrations;

/// <summary>
///     Marks a migration command that is safe to run again by itself (it carries its own IF [NOT] EXISTS guard), so an
///     idempotent script can run it outside the <c>DO $EF$ … END $EF$</c> block that checks the migrations history.
///     The mark is a SQL comment on the command's first line, which also explains it to a reader of the script.
/// </summary>
internal static class RerunnableCommand
{
    public const string Marker = "-- Rerunnable: guarded by its own IF [NOT] EXISTS, so it runs outside the migration's history check.";

    public static bool IsMarked(string commandText) => commandText.StartsWith(Marker, StringComparison.Ordinal);
}
