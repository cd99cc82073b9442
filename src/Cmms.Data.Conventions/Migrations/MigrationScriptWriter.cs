using Cmms.Data.Conventions.Migrations.Engine;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Internal;
using Microsoft.EntityFrameworkCore.Storage;

namespace Cmms.Data.Conventions.Migrations;

/// <summary>
///     Writes migration scripts as EF Core does, so that PostgreSQL can run them: the <c>lock_timeout</c> is set once at
///     the top, <see cref="RerunnableCommand" />s are written outside the <c>DO $EF$</c> history-check blocks (PostgreSQL
///     refuses <c>CREATE INDEX CONCURRENTLY</c> inside a function, "cannot be executed from a function"), and wrapped
///     commands are not re-indented.
/// </summary>
/// <remarks>
///     EF Core wraps every command of an idempotent script in the history check in a private method of its migrator;
///     only <c>GenerateScript</c> as a whole can be replaced.
/// </remarks>
#pragma warning disable EF1001 // MigratorData is EF Core's internal plan type, the one PopulateMigrations fills.
internal sealed class MigrationScriptWriter(
    IMigrationsAssembly migrationsAssembly,
    IHistoryRepository historyRepository,
    ISqlGenerationHelper sql,
    IDiagnosticsLogger<DbLoggerCategory.Migrations> logger,
    TimeSpan lockTimeout,
    SafeMigrator migrator)
{
    private readonly IndentedStringBuilder _builder = new();
    private bool _inTransaction;

    public string Write(string? fromMigration, string? toMigration, MigrationsSqlGenerationOptions options)
    {
        var idempotent = options.HasFlag(MigrationsSqlGenerationOptions.Idempotent);
        var noTransactions = options.HasFlag(MigrationsSqlGenerationOptions.NoTransactions);

        var fromStart = string.IsNullOrEmpty(fromMigration) || fromMigration == Migration.InitialDatabase;
        var applied = fromStart
            ? []
            : migrationsAssembly.Migrations
                .Where(m => string.Compare(m.Key, migrationsAssembly.GetMigrationId(fromMigration!), StringComparison.OrdinalIgnoreCase) <= 0)
                .Select(m => m.Key);
        var plan = migrator.Plan(applied, toMigration);

        var parts = new List<(IReadOnlyList<MigrationCommand> Commands, string? BeginIf)>();
        for (var i = 0; i < plan.RevertedMigrations.Count; i++)
        {
            var migration = plan.RevertedMigrations[i];
            var previous = i < plan.RevertedMigrations.Count - 1 ? plan.RevertedMigrations[i + 1] : plan.TargetMigration;
            logger.MigrationGeneratingDownScript(migrator, migration, fromMigration, toMigration, idempotent);
            parts.Add((migrator.DownSql(migration, previous, options), idempotent ? historyRepository.GetBeginIfExistsScript(migration.GetId()) : null));
        }

        foreach (var migration in plan.AppliedMigrations)
        {
            logger.MigrationGeneratingUpScript(migrator, migration, fromMigration, toMigration, idempotent);
            parts.Add((migrator.UpSql(migration, options), idempotent ? historyRepository.GetBeginIfNotExistsScript(migration.GetId()) : null));
        }

        WriteHeader(idempotent && parts.Any(p => p.Commands.Any(c => c is RerunnableCommand)), parts.Count > 0);
        if (fromStart)
        {
            _builder.Append(historyRepository.GetCreateIfNotExistsScript()).Append(sql.BatchTerminator);
        }

        var endIf = idempotent ? historyRepository.GetEndIfScript() : null;
        foreach (var (commands, beginIf) in parts)
        {
            WriteMigration(commands, beginIf, endIf, noTransactions);
        }

        return _builder.ToString();
    }

    private void WriteHeader(bool hasRerunnable, bool hasMigrations)
    {
        if (hasMigrations && lockTimeout > TimeSpan.Zero)
        {
            _builder
                .AppendLine("-- Every statement waits at most this long for a lock, so that a migration blocked by a long transaction fails fast")
                .AppendLine("-- instead of queueing every query on the table behind it; rerun the script once that transaction is over.")
                .Append($"SET {LockTimeoutSql.Setting(lockTimeout)};")
                .AppendLine()
                .Append(sql.BatchTerminator);
        }

        if (hasRerunnable)
        {
            _builder.AppendLine(RerunnableCommand.ScriptNote).AppendLine();
        }
    }

    private void WriteMigration(IEnumerable<MigrationCommand> commands, string? beginIf, string? endIf, bool noTransactions)
    {
        foreach (var command in commands)
        {
            SwitchTransaction(!command.TransactionSuppressed, noTransactions);

            // Wrapped commands are written verbatim: EF Core indents them, which rewrites the text inside
            // dollar-quoted bodies (a function created by the script would differ from a migrated one).
            if (beginIf is not null && endIf is not null && command is not RerunnableCommand)
            {
                _builder.AppendLine(beginIf);
                _builder.AppendLines(command.CommandText);
                _builder.Append(endIf);
            }
            else
            {
                _builder.Append(command.CommandText);
            }

            _builder.Append(_inTransaction ? Environment.NewLine : sql.BatchTerminator);
        }

        SwitchTransaction(false, noTransactions);
    }

    private void SwitchTransaction(bool wanted, bool noTransactions)
    {
        if (noTransactions || wanted == _inTransaction)
        {
            return;
        }

        if (wanted)
        {
            _builder.AppendLine(sql.StartTransactionStatement);
        }
        else
        {
            _builder.AppendLine(sql.CommitTransactionStatement).Append(sql.BatchTerminator);
        }

        _inTransaction = wanted;
    }
}
#pragma warning restore EF1001
