using Cmms.Data.Analysis.Findings;
using Cmms.Data.Analysis.Model;
using Cmms.Data.Analysis.Reports;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using SQLitePCL;

namespace Cmms.Data.Analysis.Sqlite;

/// <summary>
///     Judges a SQLite database file with the rules <see cref="DatabaseAnalyzer" /> applies to PostgreSQL: duplicate and
///     prefix indexes, foreign keys without a usable index, tables without a primary key, and drift from a model when
///     the file holds its EF Core migration history. The file is opened read-only (<c>Mode=ReadOnly</c>): the analyzer
///     never writes to it, and never creates a database where none exists.
/// </summary>
/// <remarks>
///     SQLite keeps no statistics of index use or table bloat and has no sequences or NOT VALID constraints, so those
///     checks are not run, and the report's notes say so once. Fixes are SQLite SQL.
/// </remarks>
/// <param name="connectionString">
///     A Microsoft.Data.Sqlite connection string naming the file (<c>Data Source=app.db</c>); its mode is forced to
///     read-only and pooling off, so no handle on the file outlives the analysis. A malformed one throws
///     <see cref="AnalysisException" /> here.
/// </param>
public sealed class SqliteAnalyzer(string connectionString)
{
    /// <summary>
    ///     The note every SQLite report carries: what is not checked there, and why. The kinds it names are every kind
    ///     outside the checks a SQLite analysis runs, so a check added to PostgreSQL is named here without a word changed.
    /// </summary>
    public static string StatisticsNote { get; } =
        "SQLite keeps no statistics of index use, size history or transaction ids, and has no sequences, NOT VALID constraints or PostgreSQL's column types: "
        + $"{string.Join(", ", Enum.GetValues<FindingKind>().Except(ReportedKinds).Select(k => k.Name()))} are checked on PostgreSQL only.";

    /// <summary>The note of a report whose SQLite library has no <c>dbstat</c> table to measure tables and indexes with.</summary>
    public const string SizesNote = "This SQLite library has no dbstat table (SQLITE_ENABLE_DBSTAT_VTAB), so table and index sizes are not measured: they show as 0.";

    /// <summary>The kinds of finding a SQLite analysis can report: those of the checks it runs.</summary>
    internal static IReadOnlyList<FindingKind> ReportedKinds => [.. CatalogJudge.StructuralKinds, .. SqliteTableCheck.Kinds];

    private readonly SqliteConnectionStringBuilder _connection = ReadOnly(connectionString);

    /// <summary>The file the connection string names.</summary>
    public string DataSource => _connection.DataSource;

    /// <summary>Reads the file's catalog, runs the checks SQLite supports and returns the findings, most severe first, each with its fix.</summary>
    /// <param name="options">
    ///     The model to compare with (a context configured for SQLite, whose history table the file may hold). The
    ///     only schema of a SQLite file is <c>main</c>.
    /// </param>
    /// <param name="cancellationToken">Cancels the analysis.</param>
    /// <exception cref="AnalysisException">
    ///     The file does not exist, is not a SQLite database, is locked by a writer or damaged, or a schema other than
    ///     <c>main</c> was asked for.
    /// </exception>
    public async Task<AnalysisReport> AnalyzeAsync(AnalysisOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);

        if (options.Schemas.FirstOrDefault(s => s != SqliteCatalogReader.Schema) is { } schema)
        {
            throw new AnalysisException($"Schema '{schema}' not found: a SQLite file has one schema, {SqliteCatalogReader.Schema}.");
        }

        // The history only decides whether a model applies: not read when none is compared, or one is compared anyway.
        var historyTable = MigratedModel.ReadsHistory(options.ModelContext, options.ModelCheck) ? HistoryTableName(options.ModelContext!) : null;
        var (catalog, history, sizesKnown) = await Task.Run(() => Read(historyTable), cancellationToken).ConfigureAwait(false);
        var notes = new List<string> { StatisticsNote };
        if (!sizesKnown)
        {
            notes.Add(SizesNote);
        }

        var model = await CatalogJudge.ReadModelAsync(options, _ => Task.FromResult(history), notes, cancellationToken).ConfigureAwait(false);

        var fixes = (SqliteFixDialect)catalog.Fixes;
        var findings = CatalogJudge.StructuralFindings(catalog, model).Concat(SqliteTableCheck.FindTablesWithoutPrimaryKey(catalog, fixes));
        return CatalogJudge.Report(catalog, findings, model, options, notes);
    }

    private (Catalog.CatalogSnapshot, Catalog.MigrationHistory, bool) Read(string? historyTable)
    {
        try
        {
            using var connection = new SqliteConnection(_connection.ConnectionString);
            connection.Open();
            return SqliteCatalogReader.Read(connection, Path.GetFileName(DataSource), historyTable);
        }
        catch (SqliteException ex)
        {
            throw new AnalysisException(Explain(ex), ex);
        }
    }

    // One line per failure a user can cause, each naming the file and what to do (https://sqlite.org/rescode.html).
    private string Explain(SqliteException ex)
    {
        var file = DataSource;
        return (ex.SqliteErrorCode & 0xFF) switch
        {
            raw.SQLITE_CANTOPEN => File.Exists(file) || Directory.Exists(file)
                ? $"Cannot open SQLite database {file}: {ex.Message.TrimEnd('.')}. Check that it is a readable file."
                : $"SQLite database {file} not found (nothing was created). Check the path in Data Source=.",
            raw.SQLITE_NOTADB => $"{file} is not a SQLite database (SQLite: file is not a database). Check the path in Data Source=.",
            raw.SQLITE_BUSY or raw.SQLITE_LOCKED => $"SQLite database {file} is locked by a writer. Retry when its transaction ends.",
            raw.SQLITE_CORRUPT => $"SQLite database {file} is damaged (SQLite: database disk image is malformed). Restore it from a backup, or try the sqlite3 .recover command.",
            _ => $"SQLite error {ex.SqliteErrorCode} reading {file}: {ex.Message}",
        };
    }

    // The history table the context's migrations use (MigrationsHistoryTable), else EF Core's __EFMigrationsHistory.
    private static string HistoryTableName(Func<DbContext> create)
    {
        using var context = create();
        return RelationalOptionsExtension.Extract(context.GetService<IDbContextOptions>()).MigrationsHistoryTableName ?? HistoryRepository.DefaultTableName;
    }

    private static SqliteConnectionStringBuilder ReadOnly(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);

        try
        {
            return new SqliteConnectionStringBuilder(connectionString) { Mode = SqliteOpenMode.ReadOnly, Pooling = false };
        }
        catch (ArgumentException ex)
        {
            // Microsoft.Data.Sqlite names the keyword it does not know, never a value.
            throw new AnalysisException($"The SQLite connection string is malformed: {ex.Message.Split(". ", 2)[0].TrimEnd('.')}. Expected Data Source=path/to/app.db.", ex);
        }
    }
}
