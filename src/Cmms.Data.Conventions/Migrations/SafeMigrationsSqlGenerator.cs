using Cmms.Data.Conventions.Internal;
using Cmms.Data.Conventions.Migrations.Engine;
using Cmms.Data.Conventions.Migrations.Rewrites;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure.Internal;
using Npgsql.EntityFrameworkCore.PostgreSQL.Migrations;

namespace Cmms.Data.Conventions.Migrations;

/// <summary>
///     Npgsql's SQL generator, made safe for populated tables: index operations on tables that exist before the
///     migration runs are concurrent and guarded, new indexes are built before the indexes they replace are dropped,
///     and every statement waits at most <c>lock_timeout</c> for a lock.
/// </summary>
/// <remarks>
///     Indexes of a table created in the same migration are built plainly, inside the migration's transaction: the
///     table is empty and invisible to other sessions until the commit, so nothing can be blocked.
///     Applying a migration, each transaction starts with <c>SET LOCAL lock_timeout</c> (so transactional migrations stay
///     one transaction, and nothing stays set on a pooled connection) and each statement outside a transaction is a
///     <see cref="GuardedStatementsCommand" />. A script sets <c>lock_timeout</c> once, at its top (see <see cref="SafeMigrator" />).
/// </remarks>
#pragma warning disable EF1001 // INpgsqlSingletonOptions is Npgsql's internal API; its generator needs it in the constructor.
internal sealed class SafeMigrationsSqlGenerator(
    MigrationsSqlGeneratorDependencies dependencies,
    INpgsqlSingletonOptions npgsqlSingletonOptions,
    IDbContextOptions contextOptions) : NpgsqlMigrationsSqlGenerator(dependencies, npgsqlSingletonOptions)
#pragma warning restore EF1001
{
    // Npgsql's annotation for IsCreatedConcurrently(); its name constant lives in an internal namespace.
    private const string CreatedConcurrentlyAnnotation = "Npgsql:CreatedConcurrently";

    // MigrationCommandListBuilder only makes plain commands: the statements of a guarded command travel as one command
    // text, marked and split here, and become one RerunnableCommand each in scripts or one GuardedStatementsCommand when applied.
    internal const string GuardedMark = "-- cmms:guarded" + "\n";
    internal const string CleanupMark = "-- cmms:cleanup" + "\n";
    internal const string NextStatement = "-- cmms:next" + "\n";

    private readonly TimeSpan _lockTimeout =
        contextOptions.FindExtension<CmmsConventionsOptionsExtension>()?.LockTimeout ?? SafeMigrationsDefaults.LockTimeout;

    private readonly RewriteSql _rewriteSql = new(
        dependencies.SqlGenerationHelper,
        dependencies.TypeMappingSource.FindMapping(typeof(string))!);

    private HashSet<(string? Schema, string Table)> _tablesCreatedHere = [];

    // The index of each concurrent CREATE INDEX statement generated, so that builds on different tables can run in parallel.
    private readonly Dictionary<string, ConcurrentIndexBuild> _concurrentBuilds = new(StringComparer.Ordinal);

    public override IReadOnlyList<MigrationCommand> Generate(
        IReadOnlyList<MigrationOperation> operations,
        IModel? model = null,
        MigrationsSqlGenerationOptions options = MigrationsSqlGenerationOptions.Default)
    {
        _tablesCreatedHere = operations.OfType<CreateTableOperation>().Select(t => (t.Schema, t.Name)).ToHashSet();
        try
        {
            var commands = base.Generate(CreateBeforeDrop(operations), model, options);
            return options.HasFlag(MigrationsSqlGenerationOptions.Script) ? ForScript(commands) : ForExecution(commands);
        }
        finally
        {
            _tablesCreatedHere = [];
            _concurrentBuilds.Clear();
        }
    }

    protected override void Generate(
        CreateIndexOperation operation,
        IModel? model,
        MigrationCommandListBuilder builder,
        bool terminate = true)
    {
        if (!terminate || !IsConcurrent(operation))
        {
            base.Generate(operation, model, builder, terminate);
            return;
        }

        operation.AddAnnotation(CreatedConcurrentlyAnnotation, true);
        var statement = new MigrationCommandListBuilder(Dependencies);
        base.Generate(operation, model, statement, terminate: false);
        statement.EndCommand();
        var createIndex = InsertIfNotExists(statement.GetCommandList().Single().CommandText) + ";" + Environment.NewLine;
        _concurrentBuilds[createIndex] = new(operation.Name, Dependencies.SqlGenerationHelper.DelimitIdentifier(operation.Table, operation.Schema));

        // A failed concurrent build leaves an INVALID index behind: a plain rerun fails with "already exists" and
        // IF NOT EXISTS alone would keep the broken index (npgsql/efcore.pg#2737). Drop it first, only an invalid one;
        // when applied, the same block also runs right after a failed build.
        var dropInvalid = DropIfInvalid(operation.Name, operation.Schema);
        builder
            .Append(GuardedMark)
            .Append(dropInvalid)
            .Append(NextStatement)
            .Append(createIndex)
            .Append(CleanupMark)
            .Append(dropInvalid)
            .EndCommand(suppressTransaction: true);
    }

    protected override void Generate(
        DropIndexOperation operation,
        IModel? model,
        MigrationCommandListBuilder builder,
        bool terminate = true)
    {
        if (!terminate || !IsConcurrent(operation))
        {
            base.Generate(operation, model, builder, terminate);
            return;
        }

        // Npgsql emits a plain DROP INDEX, which takes an ACCESS EXCLUSIVE lock (npgsql/efcore.pg#3901).
        builder
            .Append(GuardedMark)
            .AppendLine($"DROP INDEX CONCURRENTLY IF EXISTS {Dependencies.SqlGenerationHelper.DelimitIdentifier(operation.Name, operation.Schema)};")
            .EndCommand(suppressTransaction: true);
    }

    // Constraint rewrites for existing tables (see Rewrites/): each is a small delegation, the SQL lives in its class.
    protected override void Generate(AddForeignKeyOperation operation, IModel? model, MigrationCommandListBuilder builder, bool terminate = true)
    {
        if (!terminate || !IsExisting(operation.Table, operation.Schema) || operation.PrincipalColumns is null)
        {
            base.Generate(operation, model, builder, terminate);
            return;
        }

        new ForeignKeyRewrite(_rewriteSql).Generate(operation, Capture(b => base.Generate(operation, model, b, terminate: false)), builder);
    }

    protected override void Generate(AddCheckConstraintOperation operation, IModel? model, MigrationCommandListBuilder builder)
    {
        if (!IsExisting(operation.Table, operation.Schema))
        {
            base.Generate(operation, model, builder);
            return;
        }

        new CheckConstraintRewrite(_rewriteSql).Generate(operation, builder);
    }

    protected override void Generate(AlterColumnOperation operation, IModel? model, MigrationCommandListBuilder builder)
    {
        if (!IsExisting(operation.Table, operation.Schema) || operation.IsNullable || !operation.OldColumn.IsNullable)
        {
            base.Generate(operation, model, builder);
            return;
        }

        new NotNullRewrite(_rewriteSql).Generate(operation, b => base.Generate(operation, model, b), builder);
    }

    protected override void Generate(AddUniqueConstraintOperation operation, IModel? model, MigrationCommandListBuilder builder)
    {
        if (!IsExisting(operation.Table, operation.Schema))
        {
            base.Generate(operation, model, builder);
            return;
        }

        new UniqueIndexFirstRewrite(_rewriteSql).Generate("UNIQUE", operation.Name, operation.Table, operation.Schema, operation.Columns, builder);
    }

    protected override void Generate(AddPrimaryKeyOperation operation, IModel? model, MigrationCommandListBuilder builder, bool terminate = true)
    {
        if (!terminate || !IsExisting(operation.Table, operation.Schema))
        {
            base.Generate(operation, model, builder, terminate);
            return;
        }

        new UniqueIndexFirstRewrite(_rewriteSql).Generate("PRIMARY KEY", operation.Name, operation.Table, operation.Schema, operation.Columns, builder);
    }

    private bool IsExisting(string table, string? schema) => !_tablesCreatedHere.Contains((schema, table));

    // The text of one statement Npgsql writes (without terminator), for a rewrite to extend.
    private string Capture(Action<MigrationCommandListBuilder> generate)
    {
        var statement = new MigrationCommandListBuilder(Dependencies);
        generate(statement);
        statement.EndCommand();
        return statement.GetCommandList().Single().CommandText.TrimEnd();
    }

    /// <summary>
    ///     In each run of consecutive index operations, the indexes are created before the ones they replace are dropped,
    ///     so no foreign key is without an index while the migration runs and a failed build leaves the old index in place.
    ///     A drop whose name is created again in the run stays first: the name must be free.
    /// </summary>
    private static List<MigrationOperation> CreateBeforeDrop(IReadOnlyList<MigrationOperation> operations)
    {
        var ordered = new List<MigrationOperation>(operations.Count);
        var run = new List<MigrationOperation>();
        foreach (var operation in operations.Append(null))
        {
            if (operation is CreateIndexOperation or DropIndexOperation)
            {
                run.Add(operation);
                continue;
            }

            var created = run.OfType<CreateIndexOperation>().Select(c => (c.Schema, c.Name)).ToHashSet();
            bool Frees(MigrationOperation o) => o is DropIndexOperation d && created.Contains((d.Schema, d.Name));
            ordered.AddRange(run.Where(Frees));
            ordered.AddRange(run.OfType<CreateIndexOperation>());
            ordered.AddRange(run.Where(o => o is DropIndexOperation && !Frees(o)));
            run.Clear();
            if (operation is not null)
            {
                ordered.Add(operation);
            }
        }

        return ordered;
    }

    private List<MigrationCommand> ForScript(IReadOnlyList<MigrationCommand> commands)
    {
        var script = new List<MigrationCommand>(commands.Count);
        foreach (var command in commands)
        {
            if (Parse(command.CommandText) is not { } guarded)
            {
                script.Add(command);
                continue;
            }

            script.AddRange(guarded.Statements.Select(statement => new RerunnableCommand(
                Build(statement), Dependencies.CurrentContext.Context, Dependencies.Logger, command.TransactionSuppressed)));
        }

        return script;
    }

    private List<MigrationCommand> ForExecution(IReadOnlyList<MigrationCommand> commands)
    {
        var executed = new List<MigrationCommand>(commands.Count + 1);
        var inTransaction = false;
        foreach (var command in commands)
        {
            if (command.TransactionSuppressed)
            {
                var parsed = Parse(command.CommandText);
                var guarded = parsed ?? ([command.CommandText], []);
                var indexBuild = guarded.Statements.Select(s => _concurrentBuilds.GetValueOrDefault(s)).FirstOrDefault(b => b is not null);
                executed.Add(new GuardedStatementsCommand(
                    guarded.Statements,
                    guarded.Cleanup,
                    parsed is not null,
                    _lockTimeout,
                    Build,
                    Dependencies.CurrentContext.Context,
                    Dependencies.Logger,
                    indexBuild));
                inTransaction = false;
                continue;
            }

            if (!inTransaction && _lockTimeout > TimeSpan.Zero)
            {
                // SET LOCAL lasts until the transaction the migrator runs these commands in ends.
                executed.Add(new MigrationCommand(
                    Build($"SET LOCAL {LockTimeoutSql.Setting(_lockTimeout)};"), Dependencies.CurrentContext.Context, Dependencies.Logger));
            }

            inTransaction = true;
            executed.Add(command);
        }

        return executed;
    }

    private static (IReadOnlyList<string> Statements, IReadOnlyList<string> Cleanup)? Parse(string commandText)
    {
        if (!commandText.StartsWith(GuardedMark, StringComparison.Ordinal))
        {
            return null;
        }

        var body = commandText[GuardedMark.Length..];
        var cleanupAt = body.IndexOf(CleanupMark, StringComparison.Ordinal);
        var statements = cleanupAt < 0 ? body : body[..cleanupAt];
        return (statements.Split(NextStatement), cleanupAt < 0 ? [] : body[(cleanupAt + CleanupMark.Length)..].Split(NextStatement));
    }

    private Microsoft.EntityFrameworkCore.Storage.IRelationalCommand Build(string sql)
        => Dependencies.CommandBuilderFactory.Create().Append(sql).Build();

    private bool IsConcurrent(CreateIndexOperation operation)
        => operation[CreatedConcurrentlyAnnotation] is true
            || (operation.Table is { } table && !_tablesCreatedHere.Contains((operation.Schema, table)));

    private bool IsConcurrent(DropIndexOperation operation)
        => operation.Table is null || !_tablesCreatedHere.Contains((operation.Schema, operation.Table));

    private string DropIfInvalid(string name, string? schema)
        => $"""
            DO $cmms$
            BEGIN
                IF EXISTS (
                    SELECT 1 FROM pg_index i
                    JOIN pg_class c ON c.oid = i.indexrelid
                    JOIN pg_namespace n ON n.oid = c.relnamespace
                    WHERE c.relname = {_rewriteSql.Literal(name)} AND n.nspname = {(schema is null ? "current_schema()" : _rewriteSql.Literal(schema))} AND NOT i.indisvalid) THEN
                    DROP INDEX {Dependencies.SqlGenerationHelper.DelimitIdentifier(name, schema)};
                END IF;
            END $cmms$;

            """.Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\n", Environment.NewLine, StringComparison.Ordinal);

    private static string InsertIfNotExists(string createIndex)
    {
        const string Concurrently = "CONCURRENTLY ";
        var at = createIndex.IndexOf(Concurrently, StringComparison.Ordinal);
        if (at < 0)
        {
            throw new InvalidOperationException($"Expected a concurrent CREATE INDEX statement, got: {createIndex}");
        }

        return createIndex.Insert(at + Concurrently.Length, "IF NOT EXISTS ");
    }

}
