namespace Cmms.Data.SafeSchemaBench;

/// <summary>One run of one change in one form: how long the migration took and the writer's longest statement meanwhile.</summary>
/// <param name="Change">The change.</param>
/// <param name="Rewritten">Whether Cmms.Data's rewrite ran (else the plain SQL EF Core's Npgsql provider emits).</param>
/// <param name="MigrationTime">Wall time of the migration's commands.</param>
/// <param name="LongestWriterWait">The concurrent writer's longest INSERT or UPDATE while the migration ran.</param>
/// <param name="WriterStatements">How many statements the writer completed meanwhile.</param>
internal sealed record Measurement(string Change, bool Rewritten, TimeSpan MigrationTime, TimeSpan LongestWriterWait, int WriterStatements);
