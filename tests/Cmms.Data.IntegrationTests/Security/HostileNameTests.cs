using Cmms.Data.Analysis.Sql;
using Cmms.Data.IntegrationTests.Analysis;
using Cmms.Data.IntegrationTests.Infrastructure;
using Cmms.Data.IntegrationTests.Migrations;
using Cmms.Data.LocalPostgres;
using Npgsql;

namespace Cmms.Data.IntegrationTests.Security;

/// <summary>
///     Names are hostile: analyze's reports of a schema full of them show every name escaped, and every printed fix,
///     applied as printed (psql -v ON_ERROR_STOP=1) on a copy of the database, does exactly what its finding says.
/// </summary>
public sealed class HostileNameTests(PostgresDatabaseFixture<HostileNameTests> db) : IClassFixture<PostgresDatabaseFixture<HostileNameTests>>
{
    private static readonly string[] Formats = ["text", "json", "markdown"];

    [Fact]
    public async Task Every_hostile_name_is_reported_and_every_format_prints_the_same_fixes_on_lines_of_their_own()
    {
        await EnsureSchemaAsync();
        var findings = (await AnalyzeRun.JsonAsync(db.ConnectionString, "--model", "none")).Findings;

        findings.Select(f => f.Kind).Distinct().Should().BeEquivalentTo(
            "invalid_index", "sequence_near_max", "redundant_index", "fk_without_index", "table_without_primary_key", "not_valid_constraint", "unused_index",
            "name_near_limit");
        findings.Select(f => f.Index).Should().Contain([HostileSchema.IssueIndex, HostileSchema.AnsiIndex, "Fk */ --"]);
        findings.Where(f => f.Kind == "fk_without_index").Select(f => f.Table).Should().Contain(["public.case", "public.Case", $"public.{HostileSchema.LongTable}"]);
        findings.Should().AllSatisfy(f => UnprintableText.Contains(f.Fix.Replace(Environment.NewLine, " ", StringComparison.Ordinal)).Should().BeFalse(f.Fix));
        findings.Should().AllSatisfy(f => UnprintableText.Contains(f.Detail).Should().BeFalse("detail is one printable line: " + f.Detail));
        findings.Should().Contain(f => f.Index == HostileSchema.IssueIndex && f.Detail.StartsWith("d\\u000ADROP TABLE x; --", StringComparison.Ordinal));

        foreach (var format in Formats)
        {
            var run = await CmmsDbRun.InProcessAsync("analyze", "--connection", db.ConnectionString, "--model", "none", "--format", format);
            run.ExitCode.Should().Be(0, run.Error);
            var lines = run.Output.Split('\n');
            UnprintableText.Contains(run.Output.Replace("\n", string.Empty, StringComparison.Ordinal)).Should().BeFalse($"{format} escapes every unprintable character");
            lines.Should().NotContain(l => l.TrimStart().StartsWith("DROP TABLE", StringComparison.Ordinal), $"no name starts a line of its own in {format}");
            foreach (var fix in findings.Select(f => f.Fix))
            {
                var printed = format switch
                {
                    "text" => string.Join('\n', fix.Split(Environment.NewLine).Select(line => "        " + line)),
                    "json" => System.Text.Json.JsonSerializer.Serialize(fix)[1..^1],
                    _ => fix,
                };
                run.Output.Should().Contain(printed, $"{format} prints each fix whole, never wrapped");
            }
        }
    }

    [Fact]
    public async Task Markdown_table_rows_keep_their_cells_and_the_fix_block_holds_only_comments_and_fixes()
    {
        await EnsureSchemaAsync();
        var findings = (await AnalyzeRun.JsonAsync(db.ConnectionString, "--model", "none")).Findings;
        var markdown = (await CmmsDbRun.InProcessAsync("analyze", "--connection", db.ConnectionString, "--model", "none", "--format", "markdown")).Output;

        var lines = markdown.Split('\n');
        var header = Array.FindIndex(lines, l => l.StartsWith("| Severity", StringComparison.Ordinal));
        var rows = lines[(header + 2)..].TakeWhile(l => l.Length > 0).ToList();
        rows.Should().HaveCount(findings.Count, "each finding is one row, whatever its names hold");
        rows.Should().AllSatisfy(r => CellBoundaries(r).Should().Be(7, $"a row of six cells keeps its cells: {r}"));

        var block = FixBlock(markdown);
        var expected = string.Join('\n', findings.SelectMany(f => new[] { "-- " + f.Kind, f.Fix.Replace(Environment.NewLine, "\n", StringComparison.Ordinal), string.Empty }));
        // A finding's comment line is cut to its kind; an advice fix's own comment lines stay whole.
        var kinds = findings.Select(f => "-- " + f.Kind + " ").ToList();
        string.Join('\n', block.Select(l => kinds.Any(k => l.StartsWith(k, StringComparison.Ordinal)) ? l.Split(' ')[0] + " " + l.Split(' ')[1] : l))
            .Should().Be(expected, "the block holds one comment line and the fix per finding, nothing else");
    }

    [Fact]
    public async Task The_markdown_fix_block_applied_with_psql_on_error_stop_runs_every_fix_and_drops_nothing()
    {
        await EnsureSchemaAsync();
        var markdown = (await CmmsDbRun.InProcessAsync("analyze", "--connection", db.ConnectionString, "--model", "none", "--format", "markdown")).Output;
        await using var copy = await CopyAsync();
        var file = Path.Combine(Path.GetTempPath(), $"cmms-fixes-{PostgresDatabases.RandomSuffix()}.sql");
        await File.WriteAllTextAsync(file, string.Join('\n', FixBlock(markdown)));
        try
        {
            var (exitCode, output) = await PostgresClientTools.RunScriptAsync(copy.ConnectionString, file);

            exitCode.Should().Be(0, output);
            output.Should().NotContain("pwned", "a name is never a psql meta-command");
        }
        finally
        {
            File.Delete(file);
        }

        var after = await SchemaSnapshot.TakeAsync(copy.ConnectionString);
        foreach (var (table, rows) in HostileSchema.RowCounts)
        {
            after.Should().Contain($"rows {await QuoteIdentAsync(table)} {rows}", $"{table} keeps its rows");
        }

        (await Sql.InvalidIndexesAsync(copy.ConnectionString)).Should().BeEmpty("the invalid index was rebuilt");
    }

    [Fact]
    public async Task Each_fix_applied_alone_on_a_copy_does_exactly_what_its_finding_says_and_nothing_else()
    {
        await EnsureSchemaAsync();
        var findings = (await AnalyzeRun.JsonAsync(db.ConnectionString, "--model", "none")).Findings;
        var before = await SchemaSnapshot.TakeAsync(db.ConnectionString);

        foreach (var finding in findings)
        {
            await using var copy = await CopyAsync();
            await ApplyAsync(copy.ConnectionString, finding.Fix);
            var after = await SchemaSnapshot.TakeAsync(copy.ConnectionString);
            var removed = before.Except(after).ToList();
            var added = after.Except(before).ToList();
            var because = $"{finding.Kind} {finding.Table} {finding.Index}: {finding.Fix}";

            switch (finding.Kind)
            {
                case "redundant_index" or "duplicate_index" or "unused_index":
                    added.Should().BeEmpty(because);
                    removed.Should().ContainSingle(because).Which.Should().StartWith($"relation {await QuoteIdentAsync(finding.Index!)} i CREATE INDEX", because);
                    break;
                case "invalid_index":
                    removed.Should().ContainSingle(because).Which.Should().Be(added.Should().ContainSingle(because).Subject + " INVALID", because);
                    break;
                case "fk_without_index":
                    removed.Should().BeEmpty(because);
                    added.Should().ContainSingle(because).Which.Should().StartWith("relation ", because)
                        .And.EndWith($" ON {await QualifiedAsync(finding.Table!)} USING btree ({await ForeignKeyColumnsAsync(finding.Index!)})", because);
                    break;
                case "not_valid_constraint":
                    removed.Should().ContainSingle(because).Which.Should().Be(added.Should().ContainSingle(because).Subject + " NOT VALID", because);
                    break;
                case "table_without_primary_key":
                    removed.Should().BeEmpty(because);
                    added.Should().ContainSingle(because).Which.Should().Contain($" on {await RegclassAsync(finding.Table!)}: PRIMARY KEY (k)", because);
                    break;
                case "sequence_near_max":
                    removed.Should().ContainSingle(because).Which.Should().EndWith(" integer max 100", because);
                    added.Should().ContainSingle(because).Which.Should().EndWith(" bigint max 100", because);
                    break;
                case "name_near_limit":
                    // Advice only: renaming is the team's choice of name.
                    finding.Fix.Split(Environment.NewLine).Should().OnlyContain(l => l.StartsWith("-- ", StringComparison.Ordinal), because);
                    removed.Should().BeEmpty(because);
                    added.Should().BeEmpty(because);
                    break;
                default:
                    throw new Xunit.Sdk.XunitException($"No expectation for {because}");
            }
        }
    }

    private static IReadOnlyList<string> FixBlock(string markdown)
    {
        var lines = markdown.Split('\n');
        var start = Array.FindIndex(lines, l => l.StartsWith("```", StringComparison.Ordinal) && l.EndsWith("sql", StringComparison.Ordinal));
        start.Should().BeGreaterThan(0, markdown);
        var fence = lines[start][..^"sql".Length];
        var end = Array.FindIndex(lines, start + 1, l => l == fence);
        end.Should().BeGreaterThan(start, "the fence closes only where the block ends");
        return lines[(start + 1)..end];
    }

    // A cell boundary is a pipe not escaped with a backslash (GFM tables treat \| as a pipe inside a cell, code spans included).
    private static int CellBoundaries(string row) => row.Where((c, i) => c == '|' && (i == 0 || row[i - 1] != '\\')).Count();

    private static async Task ApplyAsync(string connectionString, string fix)
    {
        var file = Path.Combine(Path.GetTempPath(), $"cmms-fix-{PostgresDatabases.RandomSuffix()}.sql");
        await File.WriteAllTextAsync(file, fix);
        try
        {
            var (exitCode, output) = await PostgresClientTools.RunScriptAsync(connectionString, file);
            exitCode.Should().Be(0, $"{fix}: {output}");
        }
        finally
        {
            File.Delete(file);
        }
    }

    private async Task EnsureSchemaAsync()
    {
        if (!await Sql.ScalarAsync<bool>(db.ConnectionString, "SELECT to_regclass('public.x') IS NOT NULL"))
        {
            await HostileSchema.CreateAsync(db.ConnectionString);
        }
    }

    // CREATE DATABASE … TEMPLATE needs the template free of sessions: the pools of this process (and of the
    // in-process cmms-db runs) are emptied first.
    private async Task<TestDatabase> CopyAsync()
    {
        NpgsqlConnection.ClearAllPools();
        var name = DatabaseNames.Create("hostile_copy");
        await Sql.ExecuteAsync(PostgresDatabaseFixture.Server.MaintenanceConnectionString, $"CREATE DATABASE {PostgresDatabases.QuoteIdentifier(name)} TEMPLATE {PostgresDatabases.QuoteIdentifier(db.DatabaseName)}");
        return new TestDatabase(PostgresDatabaseFixture.Server, name);
    }

    private Task<string> QuoteIdentAsync(string name) => Sql.ScalarAsync<string>(db.ConnectionString, "SELECT quote_ident($1)", name);

    // schema.table as pg_get_indexdef writes it: each part quoted where needed.
    private Task<string> QualifiedAsync(string qualifiedTable)
        => Sql.ScalarAsync<string>(db.ConnectionString, "SELECT quote_ident(split_part($1, '.', 1)) || '.' || quote_ident(substr($1, strpos($1, '.') + 1))", qualifiedTable);

    // The table as a regclass prints it (without the schema when it is on the search path), as in constraint lines.
    private async Task<string> RegclassAsync(string qualifiedTable)
        => await Sql.ScalarAsync<string>(db.ConnectionString, "SELECT $1::regclass::text", await QualifiedAsync(qualifiedTable));

    private Task<string> ForeignKeyColumnsAsync(string constraint)
        => Sql.ScalarAsync<string>(
            db.ConnectionString,
            """
            SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY u.ord)
            FROM pg_constraint k, unnest(k.conkey) WITH ORDINALITY AS u(attnum, ord), pg_attribute a
            WHERE k.conname = $1 AND k.contype = 'f' AND a.attrelid = k.conrelid AND a.attnum = u.attnum
            """,
            constraint);
}
