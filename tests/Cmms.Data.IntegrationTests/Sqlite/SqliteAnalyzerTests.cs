using Cmms.Data.Analysis;
using Cmms.Data.Analysis.Findings;
using Cmms.Data.Analysis.Reports;
using Cmms.Data.Analysis.Sqlite;
using Cmms.Data.Analysis.Sql;
using Cmms.Data.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cmms.Data.IntegrationTests.Sqlite;

/// <summary>
///     <see cref="SqliteAnalyzer" /> on real SQLite files: the same rule engine as on PostgreSQL, SQLite's catalog and
///     SQLite SQL in the fixes, which run.
/// </summary>
public sealed class SqliteAnalyzerTests : IDisposable
{
    private readonly SqliteTestFile _file = new();

    public void Dispose() => _file.Dispose();

    [Fact]
    public async Task The_seed_file_gets_exactly_its_findings_every_fix_runs_and_a_second_analysis_is_clean()
    {
        CmmsSeedFile.Execute(_file, CmmsSeedFile.Schema);

        var report = await AnalyzeAsync();

        report.Findings.Select(f => (f.Kind, f.Table, f.Index, f.CoveredBy)).Should().Equal(
            (FindingKind.DuplicateIndex, "main.users", "idx_username", "ix_users_username"),
            (FindingKind.RedundantIndex, "main.machines", "ix_machines_site", "ux_machines_site_code"),
            (FindingKind.FkWithoutIndex, "main.worksheets", "worksheets_machine_id_fkey", null),
            (FindingKind.TableWithoutPrimaryKey, "main.stock_moves", null, null));
        report.Findings.Take(3).Select(f => f.Fix).Should().Equal(
            "DROP INDEX \"idx_username\";",
            "DROP INDEX \"ix_machines_site\";",
            "CREATE INDEX \"ix_worksheets_machine_id\" ON \"worksheets\" (\"machine_id\");");
        report.Findings[2].Detail.Should().Contain("ix_worksheets_open_by_machine is partial");
        report.Findings[3].Detail.Should().Contain("ux_stock_moves_part_moved");
        report.Summary.Engine.Should().Be("SQLite");
        report.Summary.Schemas.Should().Equal("main");
        // The bundled e_sqlite3 is built without dbstat, so sizes are not measured either.
        report.Summary.Notes.Should().Equal(SqliteAnalyzer.StatisticsNote, SqliteAnalyzer.SizesNote);

        foreach (var finding in report.Findings)
        {
            CmmsSeedFile.Execute(_file, finding.Fix);
        }

        (await AnalyzeAsync()).Findings.Should().BeEmpty();
        using var connection = _file.OpenReadOnly();
        SqliteSchema.IndexList(connection, "stock_moves").Select(i => (i.Name, i.Origin)).Should().Equal(
            ("ix_stock_moves_quantity", "c"), ("sqlite_autoindex_stock_moves_1", "pk"));
        Rows(connection, "SELECT part_code || ':' || quantity FROM stock_moves ORDER BY part_code").Should().Equal("bolt:5", "nut:-3");
        Rows(connection, "SELECT name FROM sqlite_schema WHERE type = 'trigger'").Should().Equal("stock_moves_positive");
        SqliteSchema.QueryPlan(connection, "DELETE FROM machines WHERE id = 1").Should().Contain(
            "SEARCH worksheets USING COVERING INDEX ix_worksheets_machine_id (machine_id=?)");
    }

    [Fact]
    public async Task A_partial_index_serves_a_foreign_key_on_SQLite_only_when_its_predicate_excludes_nulls_of_the_key_as_the_planner_agrees()
    {
        CmmsSeedFile.Execute(_file, """
            CREATE TABLE machines (id INTEGER PRIMARY KEY);
            CREATE TABLE parts (id INTEGER PRIMARY KEY, machine_id INTEGER REFERENCES machines (id), site_id INTEGER REFERENCES machines (id), active INTEGER);
            CREATE INDEX ix_parts_machine_id ON parts (machine_id) WHERE machine_id IS NOT NULL;
            CREATE INDEX ix_parts_site_id ON parts (site_id) WHERE active = 1;
            """);

        var report = await AnalyzeAsync();

        report.Findings.Select(f => (f.Kind, f.Index)).Should().Equal((FindingKind.FkWithoutIndex, "parts_site_id_fkey"));
        using var connection = _file.OpenReadOnly();
        SqliteSchema.QueryPlan(connection, "DELETE FROM machines WHERE id = 1").Should().Contain([
            "SEARCH parts USING COVERING INDEX ix_parts_machine_id (machine_id=?)",
            "SCAN parts"]);
    }

    [Fact]
    public async Task An_integer_primary_key_is_the_rowid_key_and_a_without_rowid_table_keeps_its_key()
    {
        CmmsSeedFile.Execute(_file, """
            CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT);
            CREATE INDEX ix_users_id ON users (id);
            CREATE TABLE tags (code TEXT PRIMARY KEY, label TEXT) WITHOUT ROWID;
            CREATE INDEX ix_tags_code ON tags (code);
            CREATE TABLE notes (body TEXT);
            """);

        var report = await AnalyzeAsync();

        report.Findings.Select(f => (f.Kind, f.Table, f.Index, f.CoveredBy)).Should().Equal(
            (FindingKind.DuplicateIndex, "main.tags", "ix_tags_code", "sqlite_autoindex_tags_1"),
            (FindingKind.DuplicateIndex, "main.users", "ix_users_id", "rowid"),
            (FindingKind.TableWithoutPrimaryKey, "main.notes", null, null));
        report.Findings[^1].Fix.Should().StartWith("-- choose the columns that identify a row, then rebuild notes with PRIMARY KEY");
    }

    [Fact]
    public async Task Names_are_quoted_for_SQLite_and_a_name_SQLite_SQL_cannot_print_safely_gets_a_comment_instead()
    {
        CmmsSeedFile.Execute(_file, """
            CREATE TABLE "we""ird" ("co""l" TEXT, other TEXT);
            CREATE INDEX "ux_""a" ON "we""ird" ("co""l", other);
            CREATE INDEX "ix_""a" ON "we""ird" ("co""l");
            CREATE INDEX "ix_other" ON "we""ird" (other, "co""l");
            CREATE INDEX "zz_
            DROP TABLE x; --" ON "we""ird" (other);
            """);

        var findings = (await AnalyzeAsync()).Findings;

        findings.Select(f => (f.Kind, f.Index, f.Fix)).Should().Equal(
            (FindingKind.RedundantIndex, "ix_\"a", "DROP INDEX \"ix_\"\"a\";"),
            (FindingKind.RedundantIndex, "zz_\nDROP TABLE x; --", "-- drop index zz_\\u000ADROP TABLE x; -- by hand: its name holds characters SQLite SQL cannot escape"),
            (FindingKind.TableWithoutPrimaryKey, (string?)null, "-- choose the columns that identify a row, then rebuild we\"ird with PRIMARY KEY (…): https://sqlite.org/lang_altertable.html#otheralter"));
        foreach (var finding in findings)
        {
            CmmsSeedFile.Execute(_file, finding.Fix);
        }

        using var connection = _file.OpenReadOnly();
        SqliteSchema.CreatedIndexNames(connection).Should().Equal("ix_other", "ux_\"a", "zz_\nDROP TABLE x; --");
    }

    [Fact]
    public async Task A_table_whose_rebuild_cannot_be_printed_safely_gets_a_comment_naming_the_unique_index_that_can_become_its_key()
    {
        // The trigger's stored statement holds an escape character, which a printed rebuild would have to repeat.
        CmmsSeedFile.Execute(_file, $"""
            CREATE TABLE parts (code TEXT NOT NULL, label TEXT);
            CREATE UNIQUE INDEX ux_parts_code ON parts (code);
            CREATE TRIGGER parts_note AFTER INSERT ON parts BEGIN SELECT '{'\u001b'}[2J'; END;
            """);

        var finding = (await AnalyzeAsync()).Findings.Should().ContainSingle().Subject;

        (finding.Kind, finding.Table).Should().Be((FindingKind.TableWithoutPrimaryKey, "main.parts"));
        finding.Detail.Should().Contain("The unique index ux_parts_code on NOT NULL columns can become it");
        finding.Fix.Should().Be(
            "-- rebuild parts by hand with PRIMARY KEY on the columns of ux_parts_code: its definition cannot be rewritten or printed safely "
            + "(https://sqlite.org/lang_altertable.html#otheralter)");
    }

    [Fact]
    public async Task Tables_whose_names_differ_in_a_case_SQLite_does_not_fold_are_read_apart_and_referenced_as_written()
    {
        // SQLite folds the case of ASCII letters only: "Été" and "été" are two tables.
        CmmsSeedFile.Execute(_file, """
            CREATE TABLE "Été" (id INTEGER PRIMARY KEY);
            CREATE TABLE "été" (id INTEGER PRIMARY KEY);
            CREATE TABLE visits (id INTEGER PRIMARY KEY, lower_id INTEGER REFERENCES "été" (id), upper_id INTEGER REFERENCES "Été" (id));
            """);

        var report = await AnalyzeAsync();

        report.Summary.TableCount.Should().Be(3);
        report.Findings.Select(f => (f.Kind, f.Index)).Should().BeEquivalentTo([
            (FindingKind.FkWithoutIndex, "visits_lower_id_fkey"),
            (FindingKind.FkWithoutIndex, "visits_upper_id_fkey"),
        ]);
        report.Findings.Single(f => f.Index == "visits_lower_id_fkey").Detail.Should().Contain("references main.été ");
        report.Findings.Single(f => f.Index == "visits_upper_id_fkey").Detail.Should().Contain("references main.Été ");
    }

    [Fact]
    public async Task Without_a_model_to_compare_the_migration_history_is_not_read()
    {
        CmmsSeedFile.Execute(_file, """
            CREATE TABLE "__EFMigrationsHistory" ("MigrationId" TEXT NOT NULL, "ProductVersion" TEXT NOT NULL);
            INSERT INTO "__EFMigrationsHistory" VALUES ('20261201000000_Initial', '10.0.15');
            """);
        // Reading the history fails: the page type of its table's root page is damaged (https://sqlite.org/fileformat2.html#b_tree_pages);
        // the catalog, on other pages, stays readable.
        long rootPage, pageSize;
        using (var connection = _file.OpenReadOnly())
        {
            rootPage = SqliteRows.Query(connection, "SELECT rootpage FROM sqlite_schema WHERE name = '__EFMigrationsHistory'", r => r.GetInt64(0)).Single();
            pageSize = SqliteRows.Query(connection, "PRAGMA page_size", r => r.GetInt64(0)).Single();
        }

        var bytes = File.ReadAllBytes(_file.Path);
        bytes[(rootPage - 1) * pageSize] = 0xFF;
        File.WriteAllBytes(_file.Path, bytes);
        var withModel = () => AnalyzeAsync(() => new MaintenanceContext(ModelOptions()));

        var report = await AnalyzeAsync();

        report.Summary.Model.Should().Be("none");
        report.Findings.Select(f => (f.Kind, f.Table)).Should().Equal((FindingKind.TableWithoutPrimaryKey, "main.__EFMigrationsHistory"));
        (await withModel.Should().ThrowAsync<AnalysisException>("a model to compare needs the history, which this file cannot give"))
            .Which.Message.Should().Contain("is damaged");
    }

    [Fact]
    public void The_statistics_note_names_every_kind_a_SQLite_analysis_does_not_report()
    {
        var named = SqliteAnalyzer.StatisticsNote[(SqliteAnalyzer.StatisticsNote.IndexOf(": ", StringComparison.Ordinal) + 2)..]
            .Replace(" are checked on PostgreSQL only.", string.Empty, StringComparison.Ordinal)
            .Split(", ");

        named.Should().HaveCount(22).And.Contain(["invalid_index", "unused_index", "json_column", "xid_wraparound", "name_near_limit", "sequentially_scanned_table"]);
        named.Should().NotContain(["duplicate_index", "redundant_index", "fk_without_index", "duplicate_foreign_key", "missing_index", "unexpected_index", "table_without_primary_key"]);
        named.Concat(SqliteAnalyzer.ReportedKinds.Select(k => k.Name())).Should().BeEquivalentTo(Enum.GetValues<FindingKind>().Select(k => k.Name()));
    }

    [Fact]
    public async Task Drift_from_the_model_is_reported_when_the_file_holds_its_migrations_and_its_fixes_are_the_SQLite_generators()
    {
        await using (var context = new MaintenanceContext(ModelOptions()))
        {
            await context.Database.MigrateAsync();
        }

        CmmsSeedFile.Execute(_file, """
            DROP INDEX ix_worksheets_machine_id;
            CREATE INDEX ix_machines_code ON machines (code);
            """);

        var report = await AnalyzeAsync(() => new MaintenanceContext(ModelOptions()));

        report.Summary.Model.Should().Be("maintenance");
        report.Findings.Select(f => (f.Kind, f.Table, f.Index)).Should().Equal(
            (FindingKind.MissingIndex, "main.worksheets", "ix_worksheets_machine_id"),
            (FindingKind.FkWithoutIndex, "main.worksheets", "worksheets_machine_id_fkey"),
            (FindingKind.UnexpectedIndex, "main.machines", "ix_machines_code"));
        report.Findings.Select(f => f.Fix).Should().Equal(
            "CREATE INDEX \"ix_worksheets_machine_id\" ON \"worksheets\" (\"machine_id\");",
            "CREATE INDEX \"ix_worksheets_machine_id\" ON \"worksheets\" (\"machine_id\");",
            "DROP INDEX \"ix_machines_code\";");

        CmmsSeedFile.Execute(_file, report.Findings[0].Fix + report.Findings[2].Fix);
        (await AnalyzeAsync(() => new MaintenanceContext(ModelOptions()))).Findings.Should().BeEmpty();
    }

    [Fact]
    public async Task A_file_the_model_never_migrated_is_not_compared_with_it()
    {
        CmmsSeedFile.Execute(_file, CmmsSeedFile.Schema);

        var report = await AnalyzeAsync(() => new MaintenanceContext(ModelOptions()));

        report.Summary.Model.Should().Be("none");
        report.Findings.Should().NotContain(f => f.Kind == FindingKind.MissingIndex || f.Kind == FindingKind.UnexpectedIndex);
    }

    [Fact]
    public async Task A_schema_other_than_main_is_refused_in_one_line()
    {
        CmmsSeedFile.Execute(_file, CmmsSeedFile.Schema);

        var analyze = () => new SqliteAnalyzer(_file.ConnectionString).AnalyzeAsync(new AnalysisOptions { Schemas = ["public"] });

        (await analyze.Should().ThrowAsync<AnalysisException>()).Which.Message.Should().Be("Schema 'public' not found: a SQLite file has one schema, main.");
    }

    private Task<AnalysisReport> AnalyzeAsync(Func<DbContext>? model = null)
        => new SqliteAnalyzer(_file.ConnectionString).AnalyzeAsync(new AnalysisOptions { ModelContext = model, ModelName = "maintenance" });

    private DbContextOptions ModelOptions()
        => new DbContextOptionsBuilder().AllowManyServiceProviders().UseSqlite(_file.ConnectionString).UseSnakeCaseNamingConvention().UseIndexConventions().Options;

    private static List<string> Rows(Microsoft.Data.Sqlite.SqliteConnection connection, string sql) => SqliteRows.Query(connection, sql, r => r.GetString(0));
}
