using Cmms.Data.Conventions.Internal;
using Cmms.Data.Conventions.Migrations.Engine;
using Cmms.Data.Conventions.Migrations.Rewrites;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Internal;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Npgsql.EntityFrameworkCore.PostgreSQL.Migrations.Internal;

namespace Cmms.Data.Conventions.Migrations;

/// <summary>
///     Npgsql's migrator as the safe migrations engine, for <c>MigrateAsync()</c>, <c>dotnet ef database update</c> and
///     efbundle alike: the whole run holds the <see cref="SafeHistoryRepository" />'s session lock, a preflight reads the
///     database before anything is written, migrations whose statements hit <c>lock_timeout</c> or lose the connection
///     are retried (<see cref="MigrationRetryStrategy" />), index builds are watched, INVALID indexes the model declares
///     are rebuilt, and failures become one <see cref="SafeMigrationException" /> line.
///     Idempotent scripts are written so that PostgreSQL can run them (see <see cref="GenerateScript" />).
/// </summary>
#pragma warning disable EF1001 // NpgsqlMigrator and Migrator are internal APIs; there is no public seam for running or scripting migrations.
internal sealed class SafeMigrator : NpgsqlMigrator
{
    private readonly IMigrationsAssembly _migrationsAssembly;
    private readonly IHistoryRepository _historyRepository;
    private readonly IMigrationsSqlGenerator _migrationsSqlGenerator;
    private readonly IMigrationCommandExecutor _migrationCommandExecutor;
    private readonly IRelationalConnection _connection;
    private readonly ISqlGenerationHelper _sqlGenerationHelper;
    private readonly ICurrentDbContext _currentContext;
    private readonly IDesignTimeModel _designTimeModel;
    private readonly IDbContextOptions _contextOptions;
    private readonly IDiagnosticsLogger<DbLoggerCategory.Migrations> _logger;
    private readonly IRawSqlCommandBuilder _rawSqlCommandBuilder;
    private readonly IRelationalCommandDiagnosticsLogger _commandLogger;
    private readonly SafeMigrationsLogger _safeLogger;
    private readonly CmmsConventionsOptionsExtension _options;
    private readonly MigrationRunState _run;

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
        ExecutionStrategyDependencies executionStrategyDependencies)
        : this(
            new SessionRecordingCommandExecutor(migrationCommandExecutor, new MigrationRunState()),
            new SafeMigrationsLogger(logger, contextOptions),
            contextOptions.FindExtension<CmmsConventionsOptionsExtension>() ?? new CmmsConventionsOptionsExtension(),
            migrationsAssembly,
            historyRepository,
            databaseCreator,
            migrationsSqlGenerator,
            rawSqlCommandBuilder,
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
            executionStrategyDependencies)
    {
    }

    // The run state comes with the executor that records the migration session in it.
    private SafeMigrator(
        SessionRecordingCommandExecutor migrationCommandExecutor,
        SafeMigrationsLogger safeLogger,
        CmmsConventionsOptionsExtension options,
        IMigrationsAssembly migrationsAssembly,
        IHistoryRepository historyRepository,
        IDatabaseCreator databaseCreator,
        IMigrationsSqlGenerator migrationsSqlGenerator,
        IRawSqlCommandBuilder rawSqlCommandBuilder,
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
        ExecutionStrategyDependencies executionStrategyDependencies)
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
            new GuardedWarningFilter(logger, migrationCommandExecutor.Run),
            commandLogger,
            databaseProvider,
            migrationsModelDiffer,
            designTimeModel,
            contextOptions,
            // The retrying strategy serves migrations only; the context's own strategy stays as the application chose it.
            new MigrationRetryStrategy(executionStrategyDependencies, options.Retries, options.LockTimeout, safeLogger, migrationCommandExecutor.Run))
    {
        _run = migrationCommandExecutor.Run;
        _safeLogger = safeLogger;
        _options = options;
        _migrationsAssembly = migrationsAssembly;
        _historyRepository = historyRepository;
        _migrationsSqlGenerator = migrationsSqlGenerator;
        _migrationCommandExecutor = migrationCommandExecutor;
        _connection = connection;
        _sqlGenerationHelper = sqlGenerationHelper;
        _currentContext = currentContext;
        _designTimeModel = designTimeModel;
        _contextOptions = contextOptions;
        _logger = logger;
        _rawSqlCommandBuilder = rawSqlCommandBuilder;
        _commandLogger = commandLogger;
    }

    // dotnet ef database update and efbundle migrate synchronously; the run is written once, asynchronously.
    public override void Migrate(string? targetMigration) => TranslatedAsync(targetMigration, async: false, CancellationToken.None).GetAwaiter().GetResult();

    public override Task MigrateAsync(string? targetMigration, CancellationToken cancellationToken = default)
        => TranslatedAsync(targetMigration, async: true, cancellationToken);

    public override string GenerateScript(
        string? fromMigration = null,
        string? toMigration = null,
        MigrationsSqlGenerationOptions options = MigrationsSqlGenerationOptions.Default)
        => new MigrationScriptWriter(_migrationsAssembly, _historyRepository, _sqlGenerationHelper, _logger, _options.LockTimeout, this)
            .Write(fromMigration, toMigration, options | MigrationsSqlGenerationOptions.Script);

    /// <summary>Which migrations a script from <paramref name="applied" /> to <paramref name="target" /> holds (EF Core's own choice).</summary>
    internal MigratorData Plan(IEnumerable<string> applied, string? target)
    {
        PopulateMigrations(applied, target, out var plan);
        return plan;
    }

    internal IReadOnlyList<MigrationCommand> UpSql(Migration migration, MigrationsSqlGenerationOptions options) => GenerateUpSql(migration, options);

    internal IReadOnlyList<MigrationCommand> DownSql(Migration migration, Migration? previous, MigrationsSqlGenerationOptions options)
        => GenerateDownSql(migration, previous, options);

    protected override IReadOnlyList<MigrationCommand> GenerateUpSql(Migration migration, MigrationsSqlGenerationOptions options = MigrationsSqlGenerationOptions.Default)
    {
        Starting(migration, options, revert: false);
        return InParallelSessions(Generated(migration, options, base.GenerateUpSql(migration, options)));
    }

    protected override IReadOnlyList<MigrationCommand> GenerateDownSql(
        Migration migration,
        Migration? previousMigration,
        MigrationsSqlGenerationOptions options = MigrationsSqlGenerationOptions.Default)
    {
        Starting(migration, options, revert: true);
        return InParallelSessions(Generated(migration, options, base.GenerateDownSql(migration, previousMigration, options)));
    }

    // Scripts hold no guarded commands (the generator writes their statements one by one), so only applied runs change.
    private IReadOnlyList<MigrationCommand> InParallelSessions(IReadOnlyList<MigrationCommand> commands)
        => ParallelIndexBuildsCommand.Group(
            commands, _options.ParallelIndexBuilds, _run, _rawSqlCommandBuilder.Build, _currentContext.Context, _commandLogger);

    // EF Core's migrator generates a migration's SQL right before running it, again on each retry.
    private void Starting(Migration migration, MigrationsSqlGenerationOptions options, bool revert)
    {
        if (!options.HasFlag(MigrationsSqlGenerationOptions.Script))
        {
            _run.CurrentMigration = migration.GetId();
            _safeLogger.Starting(migration.GetId(), revert);
        }
    }

    // EF Core's migrator warns right after this, for a migration with statements outside a transaction, that a failure
    // leaves it to be reverted by hand; for the engine's guarded statements that is wrong, so the run says what is true.
    private IReadOnlyList<MigrationCommand> Generated(Migration migration, MigrationsSqlGenerationOptions options, IReadOnlyList<MigrationCommand> commands)
    {
        if (options.HasFlag(MigrationsSqlGenerationOptions.Script))
        {
            return commands;
        }

        // The last command is EF Core's history row (insert or delete), outside a transaction too when every other one
        // is: a single statement that either recorded the migration or did not.
        var outside = commands.SkipLast(1).Where(c => c.TransactionSuppressed).ToList();
        _run.OnlyGuardedOutsideTransaction = outside.Count > 0 && outside.All(c => c is GuardedStatementsCommand { Rerunnable: true });
        if (_run.OnlyGuardedOutsideTransaction)
        {
            var statements = outside.Sum(c => ((GuardedStatementsCommand)c).Statements.Count);
            _safeLogger.RerunnableOutsideTransaction(
                $"{_run.CurrentMigrationName}: {statements} statement(s) run outside a transaction, as PostgreSQL requires for them, each "
                + "guarded so that it can run again: if the run stops, running the migration again resumes it; nothing needs reverting by hand.");
        }

        return commands;
    }

    private async Task TranslatedAsync(string? targetMigration, bool async, CancellationToken cancellationToken)
    {
        try
        {
            await RunAsync(targetMigration, async, cancellationToken).ConfigureAwait(false);
        }
        catch (SafeMigrationException ex) when (_options.TranslateFailure is { } translate)
        {
            throw translate(ex);
        }
    }

    private async Task RunAsync(string? targetMigration, bool async, CancellationToken cancellationToken)
    {
        if (_historyRepository is not SafeHistoryRepository history || _connection.DbConnection is not NpgsqlConnection npgsql)
        {
            throw new InvalidOperationException("The safe migrator needs UseSafeMigrations()' history repository and an Npgsql connection.");
        }

        // Through EF Core first, so that its interceptors and logging see a connection that fails; the lock's own session does not.
        await _connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await _connection.CloseAsync().ConfigureAwait(false);

        if (await new UpToDateShortcut(this, _migrationsAssembly, history, _connection, _designTimeModel, _contextOptions, _logger, _safeLogger)
                .TryAsync(targetMigration, ReachesNewest(targetMigration), cancellationToken)
                .ConfigureAwait(false))
        {
            return;
        }

        await using var runLock = await history.AcquireDatabaseLockAsync(cancellationToken).ConfigureAwait(false);
        await using var guard = MigrationLockGuard.Start(history, _connection, _safeLogger, _run);
        var facts = await ReadFactsAsync(history, npgsql, cancellationToken).ConfigureAwait(false);
        MigrationPreflight.Check(facts, targetMigration == Migration.InitialDatabase);

        await using var watch = MigrationWatch.Start(_connection, _safeLogger, _run);
        try
        {
            if (async)
            {
                await base.MigrateAsync(targetMigration, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                base.Migrate(targetMigration);
            }

            if (ReachesNewest(targetMigration))
            {
                await new InvalidIndexRepair(_designTimeModel.Model, _migrationsSqlGenerator, _migrationCommandExecutor, _connection, _safeLogger)
                    .RunAsync(cancellationToken)
                    .ConfigureAwait(false);
            }
        }
        catch (RetryLimitExceededException ex) when (ex.InnerException is { } last)
        {
            throw Explain(last, facts.Database, _options.Retries + 1);
        }
        catch (Exception ex) when (MigrationRetryStrategy.IsLockTimeout(ex) || MigrationRetryStrategy.IsConnectionLost(ex))
        {
            throw Explain(ex, facts.Database, 1);
        }
        catch (Exception ex) when (RewriteSql.FindDataFailure(ex) is { } failure)
        {
            // A rewrite stopped on the data: its message is already the one line (constraint, table, the SELECT to run).
            throw new SafeMigrationException(failure.MessageText, ex);
        }
    }

    private bool ReachesNewest(string? targetMigration)
        => string.IsNullOrEmpty(targetMigration)
            || (targetMigration != Migration.InitialDatabase
                && _migrationsAssembly.GetMigrationId(targetMigration) == _migrationsAssembly.Migrations.Keys.Max(StringComparer.Ordinal));

    private SafeMigrationException Explain(Exception last, string database, int attempts)
    {
        var migration = _run.CurrentMigrationName ?? "The migration";
        var lockTimeout = DurationText.Format(_options.LockTimeout);
        return MigrationRetryStrategy.IsLockTimeout(last)
            ? new SafeMigrationException(
                $"{migration} could not get a lock within {lockTimeout} (lock_timeout) in {attempts} attempt(s) on database '{database}': "
                + $"blocked by {BlockingSessions.Describe(_run.LastBlockers)}. Every statement either completed or had no effect and "
                + $"{migration} is not recorded as applied: end those sessions or wait for them, then run the migration again (it resumes), "
                + "or allow a longer lock timeout or more retries.",
                last)
            : new SafeMigrationException(
                $"The connection to database '{database}' was lost while migrating {migration} ({MigrationRetryStrategy.Describe(last)}) "
                + $"in {attempts} attempt(s). Every statement is rerunnable and {migration} is not recorded as applied: run the migration "
                + "again when the server is back; it resumes safely.",
                last);
    }

    private async Task<PreflightFacts> ReadFactsAsync(SafeHistoryRepository history, NpgsqlConnection npgsql, CancellationToken cancellationToken)
    {
        List<string> applied;
        try
        {
            applied = (await _historyRepository.GetAppliedMigrationsAsync(cancellationToken).ConfigureAwait(false)).Select(r => r.MigrationId).ToList();
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UndefinedColumn)
        {
            throw new SafeMigrationException(
                $"The migration history {history.DisplayTableName} of database '{npgsql.Database}' belongs to another application: its columns are "
                + $"not the ones {_currentContext.Context.GetType().Name} writes ({ex.MessageText}). {MigrationPreflight.ElsewhereAdvice(_currentContext.Context.GetType().Name)}",
                ex);
        }

        var tables = _designTimeModel.Model.GetRelationalModel().Tables.ToList();
        await _connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // to_regclass parses its argument as SQL: each name is quoted as PostgreSQL does, so that hostile names stay names.
            await using var command = new NpgsqlCommand(
                "SELECT ord::int FROM unnest($1::text[]) WITH ORDINALITY AS t(name, ord) WHERE to_regclass(name) IS NOT NULL ORDER BY ord",
                npgsql)
            {
                Parameters = { new() { Value = tables.Select(t => _sqlGenerationHelper.DelimitIdentifier(t.Name, t.Schema)).ToArray() } },
            };
            var existing = new List<string>();
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    existing.Add(tables[reader.GetInt32(0) - 1].Name);
                }
            }

            return new PreflightFacts(
                npgsql.Database,
                _currentContext.Context.GetType().Name,
                history.DisplayTableName,
                npgsql.PostgreSqlVersion,
                applied,
                _migrationsAssembly.Migrations.Keys.ToHashSet(StringComparer.Ordinal),
                existing);
        }
        finally
        {
            await _connection.CloseAsync().ConfigureAwait(false);
        }
    }
}
#pragma warning restore EF1001
