using Cmms.Data.Conventions.Migrations.Engine;
using Cmms.Data.IntegrationTests.Infrastructure;
using Npgsql;

namespace Cmms.Data.IntegrationTests.Migrations.Rewrites;

/// <summary>
///     A rewrite whose data check fails stops the migration with one line that names the constraint and the table and
///     carries a query listing the offending rows; nothing is half-built, the history has no row, and once the data is
///     fixed the same migration completes (and its Down reverts it).
/// </summary>
public sealed class RewriteDataFailureTests(PostgresDatabaseFixture<RewriteDataFailureTests> db)
    : IClassFixture<PostgresDatabaseFixture<RewriteDataFailureTests>>
{
    private const int Rows = 1_000;

    private static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task Foreign_key_with_orphan_rows_is_left_not_valid_and_validates_after_the_fix()
    {
        var table = ForeignKeyScenario.Table;
        await FailThenRecoverAsync<ForeignKeyScenario>(
            table,
            ForeignKeyScenario.MigrationId,
            breakData: $"UPDATE {table} SET parent_id = 5000 + id WHERE id <= 3",
            fixData: $"UPDATE {table} SET parent_id = 1 WHERE parent_id > {BusyTables.Parents}",
            PostgresErrorCodes.ForeignKeyViolation,
            "fk_busy_fk_parents",
            whileFailed: async () => (await ValidatedAsync("fk_busy_fk_parents")).Should().BeFalse(),
            whenDone: async () => (await ValidatedAsync("fk_busy_fk_parents")).Should().BeTrue(),
            whenReverted: async () => (await ValidatedAsync("fk_busy_fk_parents")).Should().BeNull());
    }

    [Fact]
    public async Task Check_constraint_with_failing_rows_is_left_not_valid_and_validates_after_the_fix()
    {
        var table = CheckScenario.Table;
        await FailThenRecoverAsync<CheckScenario>(
            table,
            CheckScenario.MigrationId,
            breakData: $"UPDATE {table} SET value = -1 WHERE id <= 3",
            fixData: $"UPDATE {table} SET value = 0 WHERE value < 0",
            PostgresErrorCodes.CheckViolation,
            "ck_busy_check_value",
            whileFailed: async () => (await ValidatedAsync("ck_busy_check_value")).Should().BeFalse(),
            whenDone: async () => (await ValidatedAsync("ck_busy_check_value")).Should().BeTrue(),
            whenReverted: async () => (await ValidatedAsync("ck_busy_check_value")).Should().BeNull());
    }

    [Fact]
    public async Task Not_null_with_null_rows_leaves_the_column_nullable_and_completes_after_the_fix()
    {
        var table = NotNullScenario.Table;
        const string Helper = "busy_not_null_serial_not_null";
        await FailThenRecoverAsync<NotNullScenario>(
            table,
            NotNullScenario.MigrationId,
            breakData: $"UPDATE {table} SET serial = NULL WHERE id <= 3",
            fixData: $"UPDATE {table} SET serial = 'fixed' || id WHERE serial IS NULL",
            PostgresErrorCodes.CheckViolation,
            Helper,
            whileFailed: async () =>
            {
                (await ValidatedAsync(Helper)).Should().BeFalse();
                (await BusyTables.ColumnIsNotNullAsync(db.ConnectionString, table, "serial")).Should().BeFalse();
            },
            whenDone: async () =>
            {
                (await ValidatedAsync(Helper)).Should().BeNull();
                (await BusyTables.ColumnIsNotNullAsync(db.ConnectionString, table, "serial")).Should().BeTrue();
            },
            whenReverted: async () => (await BusyTables.ColumnIsNotNullAsync(db.ConnectionString, table, "serial")).Should().BeFalse());
    }

    [Fact]
    public async Task Unique_constraint_over_duplicates_builds_no_index_and_completes_after_the_fix()
    {
        var table = UniqueScenario.Table;
        const string Name = "ak_busy_unique_serial";
        await FailThenRecoverAsync<UniqueScenario>(
            table,
            UniqueScenario.MigrationId,
            breakData: $"UPDATE {table} SET serial = 'twice' WHERE id IN (1, 2)",
            fixData: $"UPDATE {table} SET serial = 's' || id WHERE serial = 'twice'",
            PostgresErrorCodes.UniqueViolation,
            Name,
            whileFailed: async () => (await IndexValidityAsync(Name)).Should().BeEmpty(),
            whenDone: async () =>
            {
                (await IndexValidityAsync(Name)).Should().Equal(true);
                (await ValidatedAsync(Name)).Should().BeTrue();
            },
            whenReverted: async () => (await IndexValidityAsync(Name)).Should().BeEmpty(),
            expectedOffendingRows: 1);
    }

    [Fact]
    public async Task Primary_key_over_duplicates_builds_no_index_and_completes_after_the_fix()
    {
        var table = PrimaryKeyScenario.Table;
        const string Name = "pk_busy_pk";
        await FailThenRecoverAsync<PrimaryKeyScenario>(
            table,
            PrimaryKeyScenario.MigrationId,
            breakData: $"UPDATE {table} SET id = 1 WHERE id = 2",
            fixData: $"UPDATE {table} SET id = {Rows + 1} WHERE ctid = (SELECT max(ctid) FROM {table} WHERE id = 1)",
            PostgresErrorCodes.UniqueViolation,
            Name,
            whileFailed: async () => (await IndexValidityAsync(Name)).Should().BeEmpty(),
            whenDone: async () => (await IndexValidityAsync(Name)).Should().Equal(true),
            whenReverted: async () => (await IndexValidityAsync(Name)).Should().BeEmpty(),
            withPrimaryKey: false,
            expectedOffendingRows: 1);
    }

    private async Task FailThenRecoverAsync<TScenario>(
        string table,
        string migrationId,
        string breakData,
        string fixData,
        string sqlState,
        string constraint,
        Func<Task> whileFailed,
        Func<Task> whenDone,
        Func<Task> whenReverted,
        bool withPrimaryKey = true,
        int expectedOffendingRows = 3)
    {
        await BusyTables.CreateAsync(db.ConnectionString, table, Rows, withPrimaryKey);
        await Sql.ExecuteAsync(db.ConnectionString, breakData);

        var migrate = () => RewriteContext<TScenario>.MigrateAsync(db.ConnectionString, LockTimeout);
        var failure = (await migrate.Should().ThrowAsync<SafeMigrationException>()).Which;

        failure.InnerException.Should().BeOfType<PostgresException>().Which.SqlState.Should().Be(sqlState);
        failure.Message.Should().NotContain("\n").And.Contain(constraint).And.Contain(table).And.Contain("rerun the migration");
        var offendingRows = OffendingRowsQuery(failure.Message);
        (await Sql.ListAsync<object>(db.ConnectionString, offendingRows)).Should().HaveCount(expectedOffendingRows);
        (await RewriteContext<TScenario>.AppliedAsync(db.ConnectionString)).Should().BeEmpty();
        await whileFailed();

        await Sql.ExecuteAsync(db.ConnectionString, fixData);
        (await Sql.ListAsync<object>(db.ConnectionString, offendingRows)).Should().BeEmpty();
        await migrate();

        (await RewriteContext<TScenario>.AppliedAsync(db.ConnectionString)).Should().Equal(migrationId);
        (await Sql.InvalidIndexesAsync(db.ConnectionString)).Should().BeEmpty();
        await whenDone();

        await RewriteContext<TScenario>.MigrateAsync(db.ConnectionString, LockTimeout, "0");
        await whenReverted();
    }

    /// <summary>The ready SELECT a data failure's one line carries.</summary>
    internal static string OffendingRowsQuery(string message)
    {
        const string Start = "with: ";
        const string End = "; fix them";
        var from = message.IndexOf(Start, StringComparison.Ordinal) + Start.Length;
        return message[from..message.IndexOf(End, from, StringComparison.Ordinal)];
    }

    private Task<bool?> ValidatedAsync(string constraint) => BusyTables.ConstraintValidatedAsync(db.ConnectionString, constraint);

    private Task<IReadOnlyList<bool>> IndexValidityAsync(string index) => BusyTables.IndexValidityAsync(db.ConnectionString, index);
}
