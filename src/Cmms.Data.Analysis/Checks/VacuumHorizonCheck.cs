using Cmms.Data.Analysis.Catalog;
using Cmms.Data.Analysis.Findings;
using Cmms.Data.Analysis.Sql;

namespace Cmms.Data.Analysis.Checks;

/// <summary>
///     What keeps vacuum from doing its work: <c>xid_wraparound</c> (a table whose oldest unfrozen transaction ID is
///     older than <see cref="AnalysisThresholds.WraparoundWarningFactor" /> times the <c>autovacuum_freeze_max_age</c>
///     that applies to it: the anti-wraparound autovacuum that age forces has not caught up; an error past
///     <see cref="AnalysisThresholds.WraparoundErrorAge" />, half of the IDs before the server stops assigning them) and
///     <c>long_transaction</c> (another session's transaction open longer than the threshold: no vacuum removes rows
///     that died, or freezes IDs that began, after it started).
///     https://www.postgresql.org/docs/current/routine-vacuuming.html#VACUUM-FOR-WRAPAROUND
/// </summary>
internal static class VacuumHorizonCheck
{
    // XIDs are compared modulo 2^32: a table may fall at most 2^31 behind before its old rows seem to be in the future.
    private const long XidSpace = 1L << 31;

    public static IEnumerable<Finding> FindWraparound(CatalogSnapshot catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);

        var holder = catalog.Health.OpenTransactions.Where(t => t.XminAge is not null).MaxBy(t => t.XminAge);
        var held = holder is null
            ? " Nothing visible to this role holds an old snapshot: look for prepared transactions (pg_prepared_xacts), replication slots "
              + "(pg_replication_slots) and autovacuum's own progress (pg_stat_progress_vacuum)."
            : $" Vacuum can only freeze IDs older than the oldest snapshot still held: session {holder.ProcessId} holds one "
              + $"{FindingText.Count(holder.XminAge!.Value)} transaction IDs old.";
        var findings = new List<Finding>();
        foreach (var table in catalog.Health.Tables.Where(t => t.FrozenXidAge is { } age
            && (age > t.FreezeMaxAge * AnalysisThresholds.WraparoundWarningFactor || age >= AnalysisThresholds.WraparoundErrorAge)))
        {
            var age = table.FrozenXidAge!.Value;
            findings.Add(new Finding(
                FindingKind.XidWraparound,
                age >= AnalysisThresholds.WraparoundErrorAge ? FindingSeverity.Error : FindingSeverity.Warning,
                table.QualifiedName,
                null,
                null,
                $"{table.QualifiedName} has transaction IDs {FindingText.Count(age)} transactions old not yet frozen "
                + $"(autovacuum_freeze_max_age {FindingText.Count(table.FreezeMaxAge)}; the server stops assigning IDs "
                + $"{FindingText.Count(XidSpace - age)} transactions from now, minus a small reserve).{held}",
                $"VACUUM (FREEZE) {catalog.Quoter.Quote(table.Schema, table.Name)};"));
        }

        if (findings.Count == 0 && catalog.Health.Database is { } database
            && database.FrozenXidAge > database.FreezeMaxAge * AnalysisThresholds.WraparoundWarningFactor)
        {
            findings.Add(new Finding(
                FindingKind.XidWraparound,
                database.FrozenXidAge >= AnalysisThresholds.WraparoundErrorAge ? FindingSeverity.Error : FindingSeverity.Warning,
                null,
                null,
                null,
                $"Database {catalog.Facts.Database} has transaction IDs {FindingText.Count(database.FrozenXidAge)} transactions old not yet frozen "
                + $"(autovacuum_freeze_max_age {FindingText.Count(database.FreezeMaxAge)}), in a table outside the analyzed schemas or a system catalog.{held}",
                ColumnFixSql.Advice(
                    "find the oldest tables and freeze them:",
                    "SELECT oid::regclass, age(relfrozenxid) FROM pg_class WHERE relkind IN ('r', 'm', 't') ORDER BY 2 DESC LIMIT 10;",
                    "VACUUM (FREEZE) <table>;")));
        }

        return findings;
    }

    public static IEnumerable<Finding> FindLongTransactions(CatalogSnapshot catalog, TimeSpan threshold, ICollection<string> notes)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(notes);

        if (catalog.Health.Database is { HiddenSessions: > 0 } database)
        {
            notes.Add($"{database.HiddenSessions} session(s) of other roles not checked for long transactions: pg_stat_activity hides their "
                + "activity from this role (a member of pg_read_all_stats sees it).");
        }

        foreach (var transaction in catalog.Health.OpenTransactions)
        {
            var age = catalog.Facts.ServerTime - transaction.StartedAt;
            if (age < threshold)
            {
                continue;
            }

            var who = $"{transaction.User ?? "an unknown role"}, application '{transaction.Application}', {transaction.State ?? "state unknown"}";
            yield return new Finding(
                FindingKind.LongTransaction,
                FindingSeverity.Warning,
                null,
                null,
                null,
                $"Session {transaction.ProcessId} ({who}) has had a transaction open for {StatisticsWindow.Age(age)} (since {FindingText.Time(transaction.StartedAt)}): "
                + "while it is open, vacuum removes no row version that died after it began, in any table of the database, and its locks "
                + "make schema changes wait."
                + (transaction.XminAge is { } xmin ? $" Its snapshot is {FindingText.Count(xmin)} transaction IDs old." : string.Empty),
                ColumnFixSql.Advice(
                    "end it from its application (commit, or roll back); if it is abandoned:",
                    $"SELECT pg_terminate_backend({transaction.ProcessId});"));
        }
    }
}
