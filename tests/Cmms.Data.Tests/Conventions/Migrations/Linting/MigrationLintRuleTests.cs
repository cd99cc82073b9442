using Cmms.Data.Conventions.Migrations.Linting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Migrations.Operations.Builders;

namespace Cmms.Data.Tests.Conventions.Migrations.Linting;

/// <summary>Each rule: an operation that fires it, a close one that must not, and the acknowledged form.</summary>
public sealed class MigrationLintRuleTests
{
    public static TheoryData<string> RuleIds => [.. Cases.Keys];

    private static Dictionary<string, (Func<MigrationOperation[]> Fires, Func<MigrationOperation[]> DoesNotFire)> Cases => new()
    {
        ["CMMS1001"] = (() => [Alter("int", "bigint")], () => [Alter("varchar(20)", "text"), Alter("character varying(20)", "varchar(40)")]),
        ["CMMS1002"] = (
            () => [new RenameColumnOperation { Table = "machines", Name = "code", NewName = "asset_code" }],
            () => [Create("machines", Column("id", "bigint")), new RenameColumnOperation { Table = "machines", Name = "code", NewName = "asset_code" }]),
        ["CMMS1003"] = (
            () => [new RenameTableOperation { Name = "machines", NewName = "assets" }],
            () => [new RenameTableOperation { Name = "machines", NewName = "machines", NewSchema = "plant" }]),
        ["CMMS1004"] = (
            () => [new DropColumnOperation { Table = "machines", Name = "legacy" }],
            () => [Create("machines", Column("id", "bigint")), new DropColumnOperation { Table = "machines", Name = "legacy" }]),
        ["CMMS1005"] = (() => [new DropTableOperation { Name = "machines" }], () => [new DropIndexOperation { Name = "ix", Table = "machines" }]),
        ["CMMS1006"] = (
            () => [Add("token", "uuid", defaultValueSql: "gen_random_uuid()")],
            () => [Add("created_at", "timestamp with time zone", defaultValueSql: "now()")]),
        ["CMMS1007"] = (() => [Add("zone", "integer", nullable: false)], () => [Add("zone", "integer", nullable: false, defaultValue: 0)]),
        ["CMMS1008"] = (
            () => [Add("total", "numeric", computed: "price * quantity")],
            () => [Create("orders", Column("id", "bigint")), AddTo("orders", "total", "numeric", computed: "price * quantity")]),
        ["CMMS1009"] = (() => [Add("payload", "json")], () => [Add("payload", "jsonb")]),
        ["CMMS1010"] = (() => [Add("seen_at", "timestamp(3)")], () => [Add("seen_at", "timestamptz")]),
        ["CMMS1011"] = (() => [Create("machines", Column("id", "integer"))], () => [Create("machines", Column("id", "bigint"))]),
        ["CMMS1101"] = (
            () => [Sql("CREATE INDEX ix_machines_zone ON machines (zone);")],
            () => [Sql("CREATE INDEX CONCURRENTLY ix_machines_zone ON machines (zone);", suppressTransaction: true)]),
        ["CMMS1102"] = (() => [Sql("DROP INDEX ix_machines_zone;")], () => [Sql("DROP INDEX CONCURRENTLY IF EXISTS ix_machines_zone;", true)]),
        ["CMMS1103"] = (() => [Sql("LOCK TABLE machines IN ACCESS EXCLUSIVE MODE;")], () => [Sql("SELECT 'LOCK TABLE machines';")]),
        ["CMMS1104"] = (() => [Sql("VACUUM (FULL, ANALYZE) machines;", true)], () => [Sql("VACUUM (ANALYZE) machines;", true)]),
        ["CMMS1105"] = (() => [Sql("CLUSTER machines USING ix_machines_zone;")], () => [Sql("-- CLUSTER machines\nANALYZE machines;")]),
        ["CMMS1106"] = (() => [Sql("ALTER TYPE status ADD VALUE 'retired';")], () => [Sql("ALTER TYPE status ADD VALUE IF NOT EXISTS 'retired';", true)]),
        ["CMMS1107"] = (
            () => [Sql("UPDATE machines SET zone = 0 WHERE zone IS NULL;")],
            () => [Create("zones", Column("id", "bigint")), Sql("UPDATE zones SET id = id;")]),
        ["CMMS1108"] = (
            () => [Sql("ALTER TABLE readings ADD CONSTRAINT fk FOREIGN KEY (meter_id) REFERENCES meters (id);")],
            () => [Sql("ALTER TABLE readings ADD CONSTRAINT fk FOREIGN KEY (meter_id) REFERENCES meters (id) NOT VALID;")]),
    };

    [Fact]
    public void Every_rule_has_a_case()
        => MigrationLinter.Rules.Select(r => r.Id).Should().BeEquivalentTo(Cases.Keys);

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Rule_fires_on_its_case(string ruleId)
        => MigrationLinter.Lint("m", Cases[ruleId].Fires()).Should().Contain(f => f.RuleId == ruleId && !f.IsAcknowledged);

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Rule_does_not_fire_on_the_safe_neighbour(string ruleId)
        => MigrationLinter.Lint("m", Cases[ruleId].DoesNotFire()).Should().NotContain(f => f.RuleId == ruleId);

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Acknowledged_operation_is_reported_with_its_reason(string ruleId)
    {
        var operations = Cases[ruleId].Fires();
        foreach (var operation in operations)
        {
            new OperationBuilder<MigrationOperation>(operation).AcknowledgeLint(ruleId, "reviewed in OPS-41");
        }

        MigrationLinter.Lint("m", operations).Where(f => f.RuleId == ruleId)
            .Should().NotBeEmpty().And.OnlyContain(f => f.IsAcknowledged && f.AcknowledgedReason == "reviewed in OPS-41");
    }

    [Fact]
    public void Acknowledging_an_unknown_rule_or_without_a_reason_is_refused()
    {
        var builder = new OperationBuilder<DropTableOperation>(new DropTableOperation { Name = "machines" });

        FluentActions.Invoking(() => builder.AcknowledgeLint("CMMS9999", "x")).Should().Throw<ArgumentException>().WithMessage("*CMMS9999*");
        FluentActions.Invoking(() => builder.AcknowledgeLint("CMMS1005", " ")).Should().Throw<ArgumentException>();
    }

    [Theory]
    [InlineData("integer", "bigint", true)]
    [InlineData("varchar(40)", "varchar(20)", true)]
    [InlineData("text", "integer", true)]
    [InlineData("timestamp", "timestamptz", true)]
    [InlineData("varchar(20)", "text", false)]
    [InlineData("varchar(20)", "character varying(40)", false)]
    [InlineData("numeric(10,2)", "numeric(12,2)", false)]
    [InlineData("int4", "integer", false)]
    public void Column_type_changes_that_rewrite_or_scan_are_reported(string from, string to, bool reported)
        => MigrationLinter.Lint("m", [Alter(from, to)]).Any(f => f.RuleId == "CMMS1001").Should().Be(reported);

    [Fact]
    public void Script_statements_follow_transaction_blocks_and_comments_acknowledge()
    {
        const string Script = """
            START TRANSACTION;
            ALTER TYPE status ADD VALUE 'a';
            COMMIT;
            ALTER TYPE status ADD VALUE 'b';
            -- cmms-lint: acknowledge CMMS1103 nightly window, no traffic
            LOCK TABLE machines;
            DO $x$ BEGIN UPDATE machines SET zone = 1; END $x$;
            """;

        var findings = MigrationLinter.LintScript("deploy.sql", Script);

        findings.Where(f => f.RuleId == "CMMS1106").Select(f => f.Subject).Should().Equal("ALTER TYPE status ADD VALUE 'a'");
        findings.Should().ContainSingle(f => f.RuleId == "CMMS1103").Which.AcknowledgedReason.Should().Be("nightly window, no traffic");
        findings.Select(f => f.Source).Should().OnlyContain(s => s == "deploy.sql");
    }

    [Fact]
    public void Index_on_a_materialized_view_the_same_migration_creates_is_not_reported()
    {
        var findings = MigrationLinter.Lint("m", [
            Sql("CREATE MATERIALIZED VIEW mv_popular AS SELECT 1 AS id;"),
            Sql("CREATE UNIQUE INDEX ux_mv_popular_id ON mv_popular (id);"),
            Sql("CREATE INDEX ix_machines_zone ON public.machines (zone);"),
        ]);

        findings.Select(f => f.Subject).Should().Equal("CREATE INDEX ix_machines_zone ON public.machines");
    }

    private static AddColumnOperation Column(string name, string type) => new() { Table = "t", Name = name, ColumnType = type, ClrType = typeof(long) };

    private static CreateTableOperation Create(string table, AddColumnOperation key)
    {
        key.Table = table;
        return new CreateTableOperation { Name = table, Columns = { key }, PrimaryKey = new AddPrimaryKeyOperation { Table = table, Name = "pk", Columns = [key.Name] } };
    }

    private static AddColumnOperation Add(string name, string type, bool nullable = true, object? defaultValue = null, string? defaultValueSql = null, string? computed = null)
        => AddTo("machines", name, type, nullable, defaultValue, defaultValueSql, computed);

    private static AddColumnOperation AddTo(
        string table, string name, string type, bool nullable = true, object? defaultValue = null, string? defaultValueSql = null, string? computed = null)
        => new()
        {
            Table = table, Name = name, ColumnType = type, ClrType = typeof(string), IsNullable = nullable,
            DefaultValue = defaultValue, DefaultValueSql = defaultValueSql, ComputedColumnSql = computed, IsStored = computed is null ? null : true,
        };

    private static AlterColumnOperation Alter(string from, string to) => new()
    {
        Table = "machines", Name = "code", ColumnType = to, ClrType = typeof(string),
        OldColumn = new AddColumnOperation { Table = "machines", Name = "code", ColumnType = from, ClrType = typeof(string) },
    };

    private static SqlOperation Sql(string sql, bool suppressTransaction = false) => new() { Sql = sql, SuppressTransaction = suppressTransaction };
}
