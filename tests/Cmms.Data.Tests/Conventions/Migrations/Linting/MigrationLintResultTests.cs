using Cmms.Data.Conventions.Migrations.Linting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Migrations.Operations.Builders;

namespace Cmms.Data.Tests.Conventions.Migrations.Linting;

/// <summary>The CI gate of a lint result (<c>cmms-db lint --fail-on</c>): which findings fail it, and the counts.</summary>
public sealed class MigrationLintResultTests
{
    // CMMS1009 prefer-jsonb is a warning, CMMS1002 rename-column an error.
    private static MigrationOperation JsonColumn() => new AddColumnOperation { Table = "machines", Name = "specs", ClrType = typeof(string), ColumnType = "json", IsNullable = true };

    private static MigrationOperation RenamedColumn() => new RenameColumnOperation { Table = "machines", Name = "code", NewName = "asset_code" };

    public static TheoryData<string, MigrationOperation[], bool, bool> Gates => new()
    {
        { "nothing found", [], false, false },
        { "a warning", [JsonColumn()], true, false },
        { "an error", [RenamedColumn()], true, true },
        { "an acknowledged error", [Acknowledged(RenamedColumn(), "CMMS1002")], false, false },
        { "an acknowledged error and a warning", [Acknowledged(RenamedColumn(), "CMMS1002"), JsonColumn()], true, false },
        { "an error acknowledged for another rule", [Acknowledged(RenamedColumn(), "CMMS1009")], true, true },
    };

    [Theory]
    [MemberData(nameof(Gates))]
    public void Gate_fails_on_an_unacknowledged_finding_of_its_severity_or_worse(
        string because,
        MigrationOperation[] operations,
        bool failsWarningGate,
        bool failsErrorGate)
    {
        var result = Result(operations);

        result.FailsGate(MigrationLintSeverity.Warning).Should().Be(failsWarningGate, because);
        result.FailsGate(MigrationLintSeverity.Error).Should().Be(failsErrorGate, because);
    }

    [Fact]
    public void Counts_leave_acknowledged_findings_out_of_their_severity()
    {
        var result = Result([Acknowledged(RenamedColumn(), "CMMS1002"), RenamedColumn(), JsonColumn(), JsonColumn()]);

        result.Count(MigrationLintSeverity.Error).Should().Be(1);
        result.Count(MigrationLintSeverity.Warning).Should().Be(2);
        result.Acknowledged.Should().Be(1);
    }

    [Fact]
    public void Lint_all_names_every_migration_oldest_first_without_a_database()
    {
        // The options of the model fixture (Model/ModelFixture.cs), so that no further EF Core service provider is built.
        using var context = new CmmsDbContext(new DbContextOptionsBuilder<CmmsDbContext>().UseCmmsData("Host=unused;Database=unused").Options);

        var result = MigrationLinter.LintAll(context);

        result.Sources.Should().Equal(context.Database.GetMigrations()).And.HaveCount(3).And.BeInAscendingOrder(StringComparer.Ordinal);
        result.Findings.Select(f => f.Source).Should().BeSubsetOf(result.Sources);
    }

    private static MigrationLintResult Result(MigrationOperation[] operations)
        => new(["20260101000000_Change"], MigrationLinter.Lint("20260101000000_Change", operations));

    private static MigrationOperation Acknowledged(MigrationOperation operation, string ruleId)
    {
        new OperationBuilder<MigrationOperation>(operation).AcknowledgeLint(ruleId, "reviewed");
        return operation;
    }
}
