using System.Text.RegularExpressions;

namespace Cmms.Data.Conventions.Migrations.Linting.Rules;

/// <summary>The statement shapes the SQL rules look for; statements are comment-free with collapsed whitespace.</summary>
internal static partial class SqlPatterns
{
    [GeneratedRegex(@"^CREATE\s+(UNIQUE\s+)?INDEX\s+(?!CONCURRENTLY\b)(IF\s+NOT\s+EXISTS\s+)?(?<index>\S+\s+)?ON\s+(ONLY\s+)?(?<table>[^\s(]+)", RegexOptions.IgnoreCase)]
    public static partial Regex BlockingCreateIndex();

    [GeneratedRegex(@"^DROP\s+INDEX\s+(?!CONCURRENTLY\b)", RegexOptions.IgnoreCase)]
    public static partial Regex BlockingDropIndex();

    [GeneratedRegex(@"^LOCK\s+(TABLE\s+)?", RegexOptions.IgnoreCase)]
    public static partial Regex LockTable();

    [GeneratedRegex(@"^VACUUM\s+(\(([^)]*\bFULL\b[^)]*)\)|FULL\b)", RegexOptions.IgnoreCase)]
    public static partial Regex VacuumFull();

    [GeneratedRegex(@"^CLUSTER\b", RegexOptions.IgnoreCase)]
    public static partial Regex Cluster();

    [GeneratedRegex(@"^ALTER\s+TYPE\s+\S+\s+ADD\s+VALUE\b", RegexOptions.IgnoreCase)]
    public static partial Regex EnumAddValue();

    [GeneratedRegex(@"^(WITH\b.*\)\s*)?UPDATE\s+(ONLY\s+)?(?<table>\S+)", RegexOptions.IgnoreCase)]
    public static partial Regex Update();

    [GeneratedRegex(@"^ALTER\s+TABLE\s+.*\bADD\s+(CONSTRAINT\s+\S+\s+)?(FOREIGN\s+KEY|CHECK)\b(?!.*\bNOT\s+VALID\b)", RegexOptions.IgnoreCase)]
    public static partial Regex ValidatingConstraint();

    [GeneratedRegex(@"^ALTER\s+TABLE\s+.*\bRENAME\s+(COLUMN\s+)?(?!TO\b|CONSTRAINT\b)\S+\s+TO\s+\S+", RegexOptions.IgnoreCase)]
    public static partial Regex RenameColumn();

    [GeneratedRegex(@"^ALTER\s+TABLE\s+(IF\s+EXISTS\s+)?\S+\s+RENAME\s+TO\s+\S+", RegexOptions.IgnoreCase)]
    public static partial Regex RenameTable();

    [GeneratedRegex(@"^CREATE\s+(UNLOGGED\s+TABLE|TABLE|MATERIALIZED\s+VIEW)\s+(IF\s+NOT\s+EXISTS\s+)?(?<table>[^\s(]+)", RegexOptions.IgnoreCase)]
    public static partial Regex CreateTable();

    // Functions PostgreSQL marks VOLATILE that appear in column defaults (pg_proc.provolatile = 'v').
    [GeneratedRegex(@"\b(random|gen_random_uuid|uuid_generate_v[14]|clock_timestamp|timeofday|nextval|txid_current)\s*\(", RegexOptions.IgnoreCase)]
    public static partial Regex VolatileFunction();
}
