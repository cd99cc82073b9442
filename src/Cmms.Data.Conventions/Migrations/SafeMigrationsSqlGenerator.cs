using System.Globalization;
using Cmms.Data.Conventions.Internal;
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
///     migration runs are concurrent and guarded, and every migration sets a <c>lock_timeout</c>.
/// </summary>
/// <remarks>
///     Indexes of a table created in the same migration are built plainly, inside the migration's transaction: the
///     table is empty and invisible to other sessions until the commit, so nothing can be blocked.
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

    private readonly TimeSpan _lockTimeout =
        contextOptions.FindExtension<CmmsConventionsOptionsExtension>()?.LockTimeout ?? SafeMigrationsDefaults.LockTimeout;

    private readonly RewriteSql _rewriteSql = new(
        dependencies.SqlGenerationHelper,
        dependencies.TypeMappingSource.FindMapping(typeof(string))!);

    private HashSet<(string? Schema, string Table)> _tablesCreatedHere = [];

    public override IReadOnlyList<MigrationCommand> Generate(
        IReadOnlyList<MigrationOperation> operations,
        IModel? model = null,
        MigrationsSqlGenerationOptions options = MigrationsSqlGenerationOptions.Default)
    {
        _tablesCreatedHere = operations.OfType<CreateTableOperation>().Select(t => (t.Schema, t.Name)).ToHashSet();
        try
        {
            var commands = base.Generate(operations, model, options);
            return commands.Count == 0 || _lockTimeout <= TimeSpan.Zero
                ? commands
                : [SetLockTimeout(), .. commands];
        }
        finally
        {
            _tablesCreatedHere = [];
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

        // A failed concurrent build leaves an INVALID index behind (npgsql/efcore.pg#2737): drop it first, only an invalid one.
        _rewriteSql.AppendDropInvalidIndex(builder, operation.Name, operation.Schema);

        operation.AddAnnotation(CreatedConcurrentlyAnnotation, true);
        var statement = new MigrationCommandListBuilder(Dependencies);
        base.Generate(operation, model, statement, terminate: false);
        statement.EndCommand();
        var createIndex = statement.GetCommandList().Single().CommandText;

        builder
            .AppendLine(RerunnableCommand.Marker)
            .Append(InsertIfNotExists(createIndex))
            .AppendLine(";")
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
            .AppendLine(RerunnableCommand.Marker)
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

    private bool IsConcurrent(CreateIndexOperation operation)
        => operation[CreatedConcurrentlyAnnotation] is true
            || (operation.Table is { } table && !_tablesCreatedHere.Contains((operation.Schema, table)));

    private bool IsConcurrent(DropIndexOperation operation)
        => operation.Table is null || !_tablesCreatedHere.Contains((operation.Schema, operation.Table));

    private MigrationCommand SetLockTimeout()
    {
        var builder = new MigrationCommandListBuilder(Dependencies);
        var milliseconds = ((long)_lockTimeout.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
        builder
            .AppendLine(RerunnableCommand.Marker)
            .AppendLine($"SET lock_timeout = '{milliseconds}ms';")
            .EndCommand(suppressTransaction: true);
        return builder.GetCommandList().Single();
    }

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
