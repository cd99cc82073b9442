using Cmms.Data.Analysis.Sqlite;
using Cmms.Data.IntegrationTests.Analysis;
using Cmms.Data.IntegrationTests.Infrastructure;
using Cmms.Data.IntegrationTests.Tool;
using Microsoft.Data.Sqlite;

namespace Cmms.Data.IntegrationTests.Sqlite;

/// <summary>
///     <c>cmms-db analyze</c> on SQLite files, run as users run it: the provider detected from the connection (or
///     forced), the report, the exit codes, and one clear line for every file it cannot read, which it leaves exactly
///     as it was.
/// </summary>
public sealed class SqliteAnalyzeCommandTests : IDisposable
{
    private readonly SqliteTestFile _file = new();

    public void Dispose() => _file.Dispose();

    [Theory]
    [InlineData("Data Source={0}")]
    [InlineData("{0}")]
    public async Task Analyze_detects_a_SQLite_file_and_reports_its_findings_in_SQLite_SQL(string connection)
    {
        CmmsSeedFile.Execute(_file, CmmsSeedFile.Schema);
        var before = CmmsSeedFile.Snapshot(_file.Path);

        var run = await AnalyzeRun.JsonAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, connection, _file.Path));

        run.Result.ShouldSucceed();
        run.Findings.Select(f => f.Key).Should().Equal(
            new FindingKey("duplicate_index", "main.users", "idx_username", "ix_users_username"),
            new FindingKey("redundant_index", "main.machines", "ix_machines_site", "ux_machines_site_code"),
            new FindingKey("fk_without_index", "main.worksheets", "worksheets_machine_id_fkey"),
            new FindingKey("table_without_primary_key", "main.stock_moves"));
        var summary = run.Result.Json.GetProperty("summary");
        summary.GetProperty("engine").GetString().Should().Be("SQLite");
        summary.GetProperty("notes").EnumerateArray().Select(n => n.GetString()).Should().Equal(SqliteAnalyzer.StatisticsNote, SqliteAnalyzer.SizesNote);
        CmmsSeedFile.Snapshot(_file.Path).Should().BeEquivalentTo(before, "analyze never writes");
    }

    [Fact]
    public async Task The_text_report_names_SQLite_says_once_what_it_does_not_check_and_fail_on_gates_the_exit_code()
    {
        CmmsSeedFile.Execute(_file, CmmsSeedFile.Schema);

        var run = await CmmsDbRun.InProcessAsync("analyze", "--connection", $"Data Source={_file.Path}", "--fail-on", "warning");

        run.ExitCode.Should().Be(1, run.Error);
        run.Output.Should().StartWith($"{Path.GetFileName(_file.Path)} on SQLite 3.");
        run.Output.Should().Contain("        DROP INDEX \"idx_username\";");
        run.Output.Split('\n').Count(l => l.StartsWith("note: SQLite keeps no statistics", StringComparison.Ordinal)).Should().Be(1);
        run.Error.Should().Be($"cmms-db: error: 4 findings: 0 errors, 4 warnings, 0 info (--fail-on warning).{Environment.NewLine}");
    }

    [Fact]
    public async Task Provider_sqlite_reads_a_file_whatever_its_name_and_provider_postgresql_reads_the_text_as_Npgsql_s()
    {
        var path = Path.ChangeExtension(_file.Path, ".data");
        try
        {
            CmmsSeedFile.Execute(_file, "CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT); CREATE INDEX ix_t_id ON t (id);");
            File.Copy(_file.Path, path);

            var sqlite = await AnalyzeRun.JsonAsync(path, "--provider", "sqlite");
            var postgres = await CmmsDbRun.InProcessAsync("analyze", "--connection", $"Data Source={_file.Path}", "--provider", "postgresql");

            sqlite.Findings.Select(f => f.Key).Should().Equal(new FindingKey("duplicate_index", "main.t", "ix_t_id", "rowid"));
            postgres.ShouldFailWithOneLine(ExitCodesUsage).Should().StartWith("The connection string given with --connection is malformed");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task A_path_that_does_not_exist_is_one_line_and_no_database_is_created()
    {
        var run = await CmmsDbRun.InProcessAsync("analyze", "--connection", $"Data Source={_file.Path}");

        run.ShouldFailWithOneLine(ExitCodesUsage).Should().Be($"SQLite database {_file.Path} not found (nothing was created). Check the path in Data Source=.");
        File.Exists(_file.Path).Should().BeFalse();
    }

    [Fact]
    public async Task A_file_that_is_not_SQLite_is_one_line_from_the_real_process_and_stays_as_it_was()
    {
        File.WriteAllText(_file.Path, "maintenance log, not a database\n");
        var before = CmmsSeedFile.Snapshot(_file.Path);

        using var process = CmmsDbProcess.Start("analyze", "--connection", _file.Path);
        var run = await process.WaitAsync(TimeSpan.FromMinutes(2));

        run.ShouldFailWithOneLine(ExitCodesUsage).Should().Be($"{_file.Path} is not a SQLite database (SQLite: file is not a database). Check the path in Data Source=.");
        CmmsSeedFile.Snapshot(_file.Path).Should().BeEquivalentTo(before);
    }

    [Fact]
    public async Task A_file_a_writer_holds_locked_is_one_line_and_stays_as_it_was()
    {
        CmmsSeedFile.Execute(_file, CmmsSeedFile.Schema);
        var before = CmmsSeedFile.Snapshot(_file.Path);
        using var writer = new SqliteConnection(_file.ConnectionString);
        writer.Open();
        using (var begin = writer.CreateCommand())
        {
            // In the rollback-journal mode the file uses, an exclusive transaction keeps every reader out.
            begin.CommandText = "BEGIN EXCLUSIVE";
            begin.ExecuteNonQuery();
        }

        var run = await CmmsDbRun.InProcessAsync("analyze", "--connection", $"Data Source={_file.Path};Default Timeout=1");

        run.ShouldFailWithOneLine(ExitCodesUsage).Should().Be($"SQLite database {_file.Path} is locked by a writer. Retry when its transaction ends.");
        using (var rollback = writer.CreateCommand())
        {
            rollback.CommandText = "ROLLBACK";
            rollback.ExecuteNonQuery();
        }

        CmmsSeedFile.Snapshot(_file.Path).Should().BeEquivalentTo(before);
    }

    [Fact]
    public async Task A_damaged_file_is_one_line_and_stays_as_it_was()
    {
        CmmsSeedFile.Execute(_file, CmmsSeedFile.Schema);
        var bytes = File.ReadAllBytes(_file.Path);

        // Byte 100 is the page type of sqlite_schema's root page (https://sqlite.org/fileformat2.html#b_tree_pages).
        bytes[100] = 0xFF;
        File.WriteAllBytes(_file.Path, bytes);
        var before = CmmsSeedFile.Snapshot(_file.Path);

        var run = await CmmsDbRun.InProcessAsync("analyze", "--connection", $"Data Source={_file.Path}");

        run.ShouldFailWithOneLine(ExitCodesUsage).Should().Be(
            $"SQLite database {_file.Path} is damaged (SQLite: database disk image is malformed). Restore it from a backup, or try the sqlite3 .recover command.");
        CmmsSeedFile.Snapshot(_file.Path).Should().BeEquivalentTo(before);
    }

    [Theory]
    [InlineData("migrate")]
    [InlineData("status")]
    [InlineData("lint")]
    [InlineData("advise")]
    public async Task Every_other_command_says_in_one_line_that_it_is_PostgreSQL_only(string command)
    {
        CmmsSeedFile.Execute(_file, CmmsSeedFile.Schema);
        var before = CmmsSeedFile.Snapshot(_file.Path);

        var run = await CmmsDbRun.InProcessAsync(command, "--connection", $"Data Source={_file.Path}");

        run.ShouldFailWithOneLine(ExitCodesUsage).Should().Be(
            $"cmms-db {command} works on PostgreSQL only, and the connection names a SQLite database: only cmms-db analyze reads SQLite files. Pass a PostgreSQL connection string.");
        CmmsSeedFile.Snapshot(_file.Path).Should().BeEquivalentTo(before);
    }

    [Fact]
    public async Task The_Cmms_Data_model_is_refused_on_a_SQLite_file_in_one_line()
    {
        CmmsSeedFile.Execute(_file, CmmsSeedFile.Schema);

        var run = await CmmsDbRun.InProcessAsync("analyze", "--connection", _file.Path, "--model", "cmms");

        run.ShouldFailWithOneLine(ExitCodesUsage).Should().StartWith("--model cmms compares with the Cmms.Data model, which is PostgreSQL's");
    }

    private const int ExitCodesUsage = Cmms.Data.Tool.CommandLine.ExitCodes.Usage;
}
