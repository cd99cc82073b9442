using Cmms.Data.Analysis;
using Cmms.Data.Analysis.Findings;
using Cmms.Data.IntegrationTests.Infrastructure;
using Npgsql;

namespace Cmms.Data.IntegrationTests.Analysis;

/// <summary>The library entry point, <see cref="DatabaseAnalyzer" />, over a data source the caller owns.</summary>
public sealed class DatabaseAnalyzerTests(PostgresDatabaseFixture<DatabaseAnalyzerTests> db)
    : IClassFixture<PostgresDatabaseFixture<DatabaseAnalyzerTests>>
{
    [Fact]
    public async Task The_report_holds_each_finding_with_its_kind_severity_object_cover_detail_and_fix()
    {
        await AnalysisDatabase.CreateSchemaAsync(
            db,
            "library",
            "CREATE TABLE orders (id int PRIMARY KEY, customer_id int NOT NULL)",
            "CREATE INDEX ix_orders_customer ON orders (customer_id)",
            "CREATE INDEX ix_orders_customer_twin ON orders (customer_id)");
        await using var dataSource = NpgsqlDataSource.Create(db.ConnectionString);

        var report = await new DatabaseAnalyzer(dataSource).AnalyzeAsync(new AnalysisOptions { Schemas = ["library"] });

        var duplicate = report.Findings.Single(f => f.Kind == FindingKind.DuplicateIndex);
        duplicate.Severity.Should().Be(FindingSeverity.Warning);
        duplicate.Table.Should().Be("library.orders");
        new[] { duplicate.Index, duplicate.CoveredBy }.Should().BeEquivalentTo(["ix_orders_customer", "ix_orders_customer_twin"]);
        duplicate.Detail.Should().Contain(duplicate.CoveredBy);
        duplicate.Fix.Should().Be($"DROP INDEX CONCURRENTLY IF EXISTS library.{duplicate.Index};");
        report.Summary.Schemas.Should().Equal("library");
        report.Summary.Model.Should().Be("none");

        // The caller's data source is still usable: the analyzer does not dispose what it did not create.
        await using var connection = await dataSource.OpenConnectionAsync();
        connection.State.Should().Be(System.Data.ConnectionState.Open);
    }

    [Fact]
    public async Task A_schema_that_does_not_exist_is_an_analysis_exception_naming_it_and_the_schemas_there_are()
    {
        await using var dataSource = NpgsqlDataSource.Create(db.ConnectionString);

        var analyze = () => new DatabaseAnalyzer(dataSource).AnalyzeAsync(new AnalysisOptions { Schemas = ["no_such_schema"] });

        (await analyze.Should().ThrowAsync<AnalysisException>())
            .Which.Message.Should().Contain("'no_such_schema' not found").And.Contain("public");
    }
}
