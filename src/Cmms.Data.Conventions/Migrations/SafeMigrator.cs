using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Internal;
using Microsoft.EntityFrameworkCore.Storage;

namespace Cmms.Data.Conventions.Migrations;

/// <summary>
///     EF Core's migrator, with idempotent scripts that PostgreSQL can run: commands marked
///     <see cref="RerunnableCommand" /> are written outside the <c>DO $EF$</c> history-check blocks, since PostgreSQL
///     refuses <c>CREATE INDEX CONCURRENTLY</c> inside a function ("cannot be executed from a function"), and
///     wrapped commands are not re-indented. Applying migrations is unchanged.
/// </summary>
/// <remarks>
///     EF Core wraps every command of an idempotent script in the history check in a private method of
///     <see cref="Migrator" />; only <see cref="GenerateScript" /> as a whole can be replaced.
/// </remarks>
#pragma warning disable EF1001 // Migrator is EF Core's internal API; there is no public seam for script generation.
internal sealed class SafeMigrator : Migrator
{
    private readonly IMigrationsAssembly _migrationsAssembly;
    private readonly IHistoryRepository _historyRepository;
    private readonly ISqlGenerationHelper _sqlGenerationHelper;
    private readonly IDiagnosticsLogger<DbLoggerCategory.Migrations> _logger;

    public SafeMigrator(
        IMigrationsAssembly migrationsAssembly,
        IHistoryRepository historyRepository,
        IDatabaseCreator databaseCreator,
        IMigrationsSqlGenerator migrationsSqlGenerator,
        IRawSqlCommandBuilder rawSqlCommandBuilder,
        IMigrationCommandExecutor migrationCommandExecutor,
        IRelationalConnection connection,
        ISqlGenerationHelper sqlGenerationHelper,
        ICurrentDbContext currentContext,
        IModelRuntimeInitializer modelRuntimeInitializer,
        IDiagnosticsLogger<DbLoggerCategory.Migrations> logger,
        IRelationalCommandDiagnosticsLogger commandLogger,
        IDatabaseProvider databaseProvider,
        IMigrationsModelDiffer migrationsModelDiffer,
        IDesignTimeModel designTimeModel,
        IDbContextOptions contextOptions,
        IExecutionStrategy executionStrategy)
        : base(
            migrationsAssembly,
            historyRepository,
            databaseCreator,
            migrationsSqlGenerator,
            rawSqlCommandBuilder,
            migrationCommandExecutor,
            connection,
            sqlGenerationHelper,
            currentContext,
            modelRuntimeInitializer,
            logger,
            commandLogger,
            databaseProvider,
            migrationsModelDiffer,
            designTimeModel,
            contextOptions,
            executionStrategy)
    {
        _migrationsAssembly = migrationsAssembly;
        _historyRepository = historyRepository;
        _sqlGenerationHelper = sqlGenerationHelper;
        _logger = logger;
    }

    public override string GenerateScript(
        string? fromMigration = null,
        string? toMigration = null,
        MigrationsSqlGenerationOptions options = MigrationsSqlGenerationOptions.Default)
    {
        options |= MigrationsSqlGenerationOptions.Script;
        var idempotent = options.HasFlag(MigrationsSqlGenerationOptions.Idempotent);
        var noTransactions = options.HasFlag(MigrationsSqlGenerationOptions.NoTransactions);

        var fromStart = string.IsNullOrEmpty(fromMigration) || fromMigration == Migration.InitialDatabase;
        var applied = fromStart
            ? []
            : _migrationsAssembly.Migrations
                .Where(m => string.Compare(m.Key, _migrationsAssembly.GetMigrationId(fromMigration!), StringComparison.OrdinalIgnoreCase) <= 0)
                .Select(m => m.Key);
        PopulateMigrations(applied, toMigration, out var plan);

        var script = new ScriptWriter(_sqlGenerationHelper, noTransactions);
        if (fromStart)
        {
            script.WriteStandalone(_historyRepository.GetCreateIfNotExistsScript());
        }

        for (var i = 0; i < plan.RevertedMigrations.Count; i++)
        {
            var migration = plan.RevertedMigrations[i];
            var previous = i < plan.RevertedMigrations.Count - 1 ? plan.RevertedMigrations[i + 1] : plan.TargetMigration;
            _logger.MigrationGeneratingDownScript(this, migration, fromMigration, toMigration, idempotent);
            script.Write(
                GenerateDownSql(migration, previous, options),
                idempotent ? _historyRepository.GetBeginIfExistsScript(migration.GetId()) : null,
                idempotent ? _historyRepository.GetEndIfScript() : null);
        }

        foreach (var migration in plan.AppliedMigrations)
        {
            _logger.MigrationGeneratingUpScript(this, migration, fromMigration, toMigration, idempotent);
            script.Write(
                GenerateUpSql(migration, options),
                idempotent ? _historyRepository.GetBeginIfNotExistsScript(migration.GetId()) : null,
                idempotent ? _historyRepository.GetEndIfScript() : null);
        }

        return script.ToString();
    }

    /// <summary>Writes commands as EF Core does, but leaves rerunnable commands outside the history check.</summary>
    private sealed class ScriptWriter(ISqlGenerationHelper sql, bool noTransactions)
    {
        private readonly IndentedStringBuilder _builder = new();
        private bool _inTransaction;

        public void WriteStandalone(string text) => _builder.Append(text).Append(sql.BatchTerminator);

        public void Write(IEnumerable<MigrationCommand> commands, string? beginIf, string? endIf)
        {
            foreach (var command in commands)
            {
                SwitchTransaction(!command.TransactionSuppressed);

                // Wrapped commands are written verbatim: EF Core indents them, which rewrites the text inside
                // dollar-quoted bodies (a function created by the script would differ from a migrated one).
                if (beginIf is not null && endIf is not null && !RerunnableCommand.IsMarked(command.CommandText))
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

            SwitchTransaction(false);
        }

        public override string ToString() => _builder.ToString();

        private void SwitchTransaction(bool wanted)
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
}
#pragma warning restore EF1001
