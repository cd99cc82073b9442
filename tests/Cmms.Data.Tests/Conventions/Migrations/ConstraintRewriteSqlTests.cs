using Cmms.Data.Conventions.Migrations;
using Cmms.Data.Conventions.Migrations.Engine;
using Cmms.Data.Conventions.Migrations.Rewrites;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace Cmms.Data.Tests.Conventions.Migrations;

public sealed class ConstraintRewriteSqlTests
{
    private static readonly AddForeignKeyOperation ForeignKey = new()
    {
        Name = "fk_readings_meters", Table = "readings", Columns = ["meter_id"], PrincipalTable = "meters", PrincipalColumns = ["id"],
    };

    [Fact]
    public void Foreign_key_on_an_existing_table_is_added_not_valid_then_validated_in_commands_of_their_own()
    {
        var commands = Generate(ForeignKey);

        commands.Should().HaveCount(2).And.OnlyContain(c => c.TransactionSuppressed && c is GuardedStatementsCommand);
        commands[0].CommandText.Should().Contain("FOREIGN KEY (meter_id) REFERENCES meters (id) NOT VALID;").And.NotContain("VALIDATE");
        commands[1].CommandText.Should().Contain("ALTER TABLE readings VALIDATE CONSTRAINT fk_readings_meters;")
            .And.Contain("SELECT d.* FROM readings AS d WHERE d.meter_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM meters AS p WHERE p.id = d.meter_id)");
    }

    [Fact]
    public void Foreign_key_of_a_table_created_in_the_same_migration_stays_plain_and_transactional()
    {
        var commands = Generate(new CreateTableOperation { Name = "readings", Columns = { Column("meter_id", nullable: false) } }, ForeignKey);

        commands.Should().OnlyContain(c => !c.TransactionSuppressed);
        commands[^1].CommandText.Should().Contain("FOREIGN KEY (meter_id) REFERENCES meters (id);").And.NotContain("NOT VALID");
    }

    [Fact]
    public void Check_constraint_on_an_existing_table_is_added_not_valid_then_validated()
    {
        var commands = Generate(new AddCheckConstraintOperation { Name = "ck_readings_value", Table = "readings", Sql = "value >= 0" });

        commands.Select(c => c.TransactionSuppressed).Should().Equal(true, true);
        commands[0].CommandText.Should().Contain("ADD CONSTRAINT ck_readings_value CHECK (value >= 0) NOT VALID;");
        commands[1].CommandText.Should().Contain("VALIDATE CONSTRAINT ck_readings_value;").And.Contain("SELECT * FROM readings WHERE NOT (value >= 0)");
    }

    [Fact]
    public void Not_null_is_proven_by_a_validated_helper_check_which_is_dropped_before_the_column_type_is_restated()
    {
        var commands = Generate(new AlterColumnOperation
        {
            Name = "serial", Table = "readings", ClrType = typeof(string), ColumnType = "text", IsNullable = false,
            OldColumn = Column("serial", nullable: true),
        });

        commands.Should().HaveCount(5);
        commands[0].CommandText.Should().Contain("ADD CONSTRAINT readings_serial_not_null CHECK (serial IS NOT NULL) NOT VALID;");
        commands[1].CommandText.Should().Contain("VALIDATE CONSTRAINT readings_serial_not_null;");
        commands[2].CommandText.Should().Contain("ALTER TABLE readings ALTER COLUMN serial SET NOT NULL;");
        commands[3].CommandText.Should().Contain("DROP CONSTRAINT IF EXISTS readings_serial_not_null;");
        commands.Take(4).Should().OnlyContain(c => c.TransactionSuppressed && c is GuardedStatementsCommand);

        // Npgsql's own ALTER COLUMN restates the type, which would re-check the helper with a scan: it comes after the drop.
        commands[4].CommandText.Should().Contain("ALTER COLUMN serial TYPE text;");
        commands[4].TransactionSuppressed.Should().BeFalse();
    }

    [Fact]
    public void Column_made_nullable_stays_a_plain_alter()
    {
        var commands = Generate(new AlterColumnOperation
        {
            Name = "serial", Table = "readings", ClrType = typeof(string), ColumnType = "text", IsNullable = true,
            OldColumn = Column("serial", nullable: false),
        });

        commands.Should().ContainSingle().Which.CommandText.Should().Contain("DROP NOT NULL").And.NotContain("CHECK");
    }

    [Theory]
    [InlineData(false, "UNIQUE")]
    [InlineData(true, "PRIMARY KEY")]
    public void Unique_key_on_an_existing_table_is_built_concurrently_then_attached(bool primaryKey, string kind)
    {
        MigrationOperation operation = primaryKey
            ? new AddPrimaryKeyOperation { Name = "k", Table = "readings", Columns = ["serial"] }
            : new AddUniqueConstraintOperation { Name = "k", Table = "readings", Columns = ["serial"] };

        var commands = Generate(operation);

        commands.Should().HaveCount(4).And.OnlyContain(c => c.TransactionSuppressed && c is GuardedStatementsCommand);
        commands[0].CommandText.Should().Contain("AND NOT i.indisvalid").And.Contain("DROP INDEX k;");
        commands[1].CommandText.Should().Contain("HAVING count(*) > 1").And.Contain("unique_violation");
        commands[2].CommandText.Should().Contain("CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS k ON readings (serial);");
        commands[3].CommandText.Should().Contain($"ALTER TABLE readings ADD CONSTRAINT k {kind} USING INDEX k;");
    }

    [Fact]
    public void Hostile_names_are_quoted_in_statements_and_escaped_in_messages()
    {
        var commands = Generate(new AddCheckConstraintOperation { Name = "ck'; DROP", Table = "Read\"ings", Sql = "true" });

        commands[1].CommandText.Should().Contain("ALTER TABLE \"Read\"\"ings\" VALIDATE CONSTRAINT \"ck'; DROP\";")
            .And.Contain("conname = 'ck''; DROP'")
            .And.Contain("conrelid = '\"Read\"\"ings\"'::regclass")
            .And.Contain("MESSAGE = 'The check constraint \"ck''; DROP\" on table \"Read\"\"ings\"");
    }

    [Fact]
    public void Helper_check_names_longer_than_63_bytes_are_shortened_with_a_hash()
    {
        var name = NotNullRewrite.HelperCheckName(new string('t', 40), new string('é', 20));

        System.Text.Encoding.UTF8.GetByteCount(name).Should().BeLessThanOrEqualTo(63);
        name.Should().StartWith(new string('t', 40)).And.MatchRegex("_[0-9a-f]{8}$");
        NotNullRewrite.HelperCheckName("a", "b").Should().Be("a_b_not_null");
    }

    private static AddColumnOperation Column(string name, bool nullable)
        => new() { Name = name, Table = "readings", ClrType = typeof(string), ColumnType = "text", IsNullable = nullable };

    // Without the lock_timeout statement (zero), so each test sees only the operation's own commands.
    private static IReadOnlyList<MigrationCommand> Generate(params MigrationOperation[] operations)
    {
        var options = new DbContextOptionsBuilder()
            .UseNpgsql("Host=unused")
            .UseSafeMigrations(s => s.LockTimeout(TimeSpan.Zero))
            .Options;
        using var context = new DbContext(options);
        return context.GetService<IMigrationsSqlGenerator>().Generate(operations);
    }
}
