using Cmms.Data.Analysis;
using Cmms.Data.Analysis.Findings;
using Cmms.Data.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
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

    [Fact]
    public async Task An_index_the_model_keeps_with_allow_redundant_is_info_with_the_reason_and_a_fix_that_drops_nothing()
    {
        await AnalysisDatabase.CreateSchemaAsync(
            db,
            "intent",
            "CREATE TABLE widgets (id int PRIMARY KEY, code int NOT NULL, size int NOT NULL)",
            "CREATE INDEX ix_widgets_code ON widgets (code)",
            "CREATE INDEX ix_widgets_code_size ON widgets (code, size)",
            "CREATE INDEX ix_widgets_size ON widgets (size)",
            "CREATE INDEX ix_widgets_size_code ON widgets (size, code)");
        await using var dataSource = NpgsqlDataSource.Create(db.ConnectionString);
        var options = new AnalysisOptions
        {
            Schemas = ["intent"],
            ModelContext = () => new WidgetContext(db.ConnectionString),
            ModelCheck = ModelCheck.Always,
        };

        var report = await new DatabaseAnalyzer(dataSource).AnalyzeAsync(options);

        var redundant = report.Findings.Where(f => f.Kind == FindingKind.RedundantIndex).ToDictionary(f => f.Index!);
        redundant.Keys.Should().BeEquivalentTo(["ix_widgets_code", "ix_widgets_size"]);
        redundant["ix_widgets_code"].Severity.Should().Be(FindingSeverity.Info);
        redundant["ix_widgets_code"].Detail.Should().EndWith("The model keeps it on purpose (AllowRedundant()).");
        redundant["ix_widgets_code"].Fix.Should().StartWith("-- kept on purpose").And.NotContain("DROP");
        redundant["ix_widgets_size"].Severity.Should().Be(FindingSeverity.Warning, "the model does not keep this one on purpose");
        redundant["ix_widgets_size"].Fix.Should().Be("DROP INDEX CONCURRENTLY IF EXISTS intent.ix_widgets_size;");
        report.Summary.Model.Should().Be("model");
    }

    private sealed class Widget
    {
        public int Id { get; set; }

        public int Code { get; set; }

        public int Size { get; set; }
    }

    private sealed class WidgetContext(string connectionString) : DbContext
    {
        protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) => optionsBuilder.UseNpgsql(connectionString).AllowManyServiceProviders();

        protected override void OnModelCreating(ModelBuilder modelBuilder)
        {
            modelBuilder.HasDefaultSchema("intent");
            modelBuilder.Entity<Widget>(widget =>
            {
                widget.ToTable("widgets");
                widget.Property(w => w.Id).HasColumnName("id");
                widget.Property(w => w.Code).HasColumnName("code");
                widget.Property(w => w.Size).HasColumnName("size");
                widget.HasKey(w => w.Id).HasName("widgets_pkey");
                widget.HasIndex(w => w.Code).HasDatabaseName("ix_widgets_code").AllowRedundant();
                widget.HasIndex(w => new { w.Code, w.Size }).HasDatabaseName("ix_widgets_code_size");
                widget.HasIndex(w => w.Size).HasDatabaseName("ix_widgets_size");
                widget.HasIndex(w => new { w.Size, w.Code }).HasDatabaseName("ix_widgets_size_code");
            });
        }
    }
}
