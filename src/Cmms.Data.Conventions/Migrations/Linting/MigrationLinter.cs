using Cmms.Data.Conventions.Diagnostics.Internal;
using Cmms.Data.Conventions.Migrations.Linting.Rules;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace Cmms.Data.Conventions.Migrations.Linting;

/// <summary>
///     Reports what a migration does that Cmms.Data cannot make safe on a populated, busy table: table rewrites, renames,
///     drops the running application still reads, risky raw SQL and costly column types. What Cmms.Data rewrites into a
///     lock-light form (indexes, foreign keys, checks, NOT NULL, unique keys) is not reported. See docs/lint.md.
/// </summary>
public static class MigrationLinter
{
    private const int MaxSubjectLength = 160;

    private static readonly MigrationLintRule[] AllRules =
    [
        new ColumnTypeRewriteRule(),
        new RenameColumnRule(),
        new RenameTableRule(),
        new DropColumnRule(),
        new DropTableRule(),
        new VolatileDefaultRule(),
        new NotNullWithoutDefaultRule(),
        new StoredGeneratedColumnRule(),
        new PreferJsonbRule(),
        new PreferTimestamptzRule(),
        new PreferBigintPrimaryKeyRule(),
        new BlockingCreateIndexSqlRule(),
        new BlockingDropIndexSqlRule(),
        new LockTableSqlRule(),
        new VacuumFullSqlRule(),
        new ClusterSqlRule(),
        new EnumAddValueInTransactionSqlRule(),
        new UpdateBackfillSqlRule(),
        new ValidatingConstraintSqlRule(),
    ];

    /// <summary>Every rule: id, name, severity, why and the safe way, in id order.</summary>
    public static IReadOnlyList<MigrationLintRuleDescription> Rules { get; } =
        [.. AllRules.Select(r => new MigrationLintRuleDescription(r.Id, r.Name, r.Severity, r.Why, r.SafeWay))];

    /// <summary>Lints the <see cref="Migration.UpOperations" /> of a migration.</summary>
    /// <param name="migrationId">The migration's id, named in the findings.</param>
    /// <param name="operations">Its operations.</param>
    /// <returns>The findings, acknowledged ones included (see <see cref="MigrationLintFinding.IsAcknowledged" />).</returns>
    public static IReadOnlyList<MigrationLintFinding> Lint(string migrationId, IReadOnlyList<MigrationOperation> operations)
    {
        ArgumentNullException.ThrowIfNull(migrationId);
        ArgumentNullException.ThrowIfNull(operations);

        var scope = LintScope.Of(operations);
        var findings = new List<MigrationLintFinding>();
        foreach (var operation in operations)
        {
            var acknowledged = MigrationLintAcknowledgements.Of(operation);
            foreach (var rule in AllRules)
            {
                findings.AddRange(rule.Check(operation, scope).Select(subject => Finding(rule, migrationId, subject, acknowledged)));
            }

            if (operation is SqlOperation sql)
            {
                findings.AddRange(LintStatements(migrationId, SqlStatementReader.Read(sql.Sql, !sql.SuppressTransaction, acknowledged), scope));
            }
        }

        return findings;
    }

    /// <summary>Lints migrations of the context's migrations assembly, oldest first.</summary>
    /// <param name="context">The context whose migrations to lint.</param>
    /// <param name="migrationIds">The ids to lint (e.g. the pending ones); null for every migration.</param>
    /// <returns>The findings of all of them, in migration order.</returns>
    public static IReadOnlyList<MigrationLintFinding> LintMigrations(DbContext context, IEnumerable<string>? migrationIds = null)
    {
        ArgumentNullException.ThrowIfNull(context);

        var assembly = context.GetService<IMigrationsAssembly>();
        var provider = context.Database.ProviderName
            ?? throw new InvalidOperationException("The context has no database provider configured.");
        var wanted = migrationIds?.ToHashSet(StringComparer.Ordinal);
        return [.. assembly.Migrations
            .Where(m => wanted is null || wanted.Contains(m.Key))
            .OrderBy(m => m.Key, StringComparer.Ordinal)
            .SelectMany(m => Lint(m.Key, assembly.CreateMigration(m.Value, provider).UpOperations))];
    }

    /// <summary>Lints the migrations the context's database has not applied yet (what the next migrate would run), oldest first.</summary>
    /// <param name="context">The context; its database is read (the migrations history), never changed.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The pending migrations and their findings.</returns>
    public static async Task<MigrationLintResult> LintPendingAsync(DbContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);

        var pending = (await context.Database.GetPendingMigrationsAsync(cancellationToken).ConfigureAwait(false)).ToList();
        return new MigrationLintResult(pending, LintMigrations(context, pending));
    }

    /// <summary>Lints every migration of the context's migrations assembly, oldest first; needs no database.</summary>
    /// <param name="context">The context whose migrations to lint.</param>
    /// <returns>The migrations and their findings.</returns>
    public static MigrationLintResult LintAll(DbContext context)
    {
        ArgumentNullException.ThrowIfNull(context);

        var all = context.Database.GetMigrations().ToList();
        return new MigrationLintResult(all, LintMigrations(context, all));
    }

    /// <summary>Lints a SQL script, statement by statement (only the raw-SQL rules apply: a script has no operations).</summary>
    /// <param name="scriptName">The script's name, named in the findings.</param>
    /// <param name="sql">The script.</param>
    /// <returns>The findings; a statement is acknowledged by a preceding <c>-- cmms-lint: acknowledge CMMS1103 reason</c> comment.</returns>
    public static IReadOnlyList<MigrationLintFinding> LintScript(string scriptName, string sql)
    {
        ArgumentNullException.ThrowIfNull(scriptName);
        ArgumentNullException.ThrowIfNull(sql);

        var statements = SqlStatementReader.Read(sql, inTransaction: false);
        var scope = new LintScope(LintScope.CreatedBySql(statements));
        return LintStatements(scriptName, statements, scope);
    }

    /// <summary>
    ///     Writes findings through the context's EF Core diagnostics (<see cref="Diagnostics.CmmsEventId.MigrationLintError" />,
    ///     <see cref="Diagnostics.CmmsEventId.MigrationLintWarning" />, <see cref="Diagnostics.CmmsEventId.MigrationLintAcknowledged" />),
    ///     so its loggers, <c>LogTo</c>, <c>ConfigureWarnings</c> and <c>dotnet ef</c> see them.
    /// </summary>
    /// <param name="context">A context configured with <c>UseSafeMigrations</c> or <c>UseIndexConventions</c>.</param>
    /// <param name="findings">The findings.</param>
    public static void Log(DbContext context, IEnumerable<MigrationLintFinding> findings)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(findings);

        var logger = new MigrationLintLogger(
            context.GetService<IDiagnosticsLogger<DbLoggerCategory.Migrations>>(),
            context.GetService<CmmsLoggingDefinitions>());
        foreach (var finding in findings)
        {
            logger.Log(finding);
        }
    }

    private static List<MigrationLintFinding> LintStatements(string source, IEnumerable<SqlStatement> statements, LintScope scope)
        => [.. statements
            .Where(s => !s.IsGenerated)
            .SelectMany(s => AllRules.SelectMany(rule => rule.Check(s, scope).Select(subject => Finding(rule, source, subject, s.Acknowledged))))];

    private static MigrationLintFinding Finding(MigrationLintRule rule, string source, string subject, IReadOnlyDictionary<string, string> acknowledged)
        => new(
            rule.Id,
            rule.Name,
            rule.Severity,
            source,
            subject.Length <= MaxSubjectLength ? subject : subject[..(MaxSubjectLength - 1)] + "…",
            rule.Why,
            rule.SafeWay,
            acknowledged.GetValueOrDefault(rule.Id));
}
