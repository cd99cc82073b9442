using Cmms.Data.IntegrationTests.Infrastructure;
using Cmms.Data.Conventions;
using Cmms.Data.Conventions.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Cmms.Data.IntegrationTests.Sqlite;

/// <summary>
///     The index conventions on real SQLite files: the schema EnsureCreated writes is exactly the pruned set, parent
///     deletes search the foreign key's index, and the decisions equal PostgreSQL's.
/// </summary>
public sealed class SqliteIndexConventionsTests : IDisposable
{
    private const string IncludeWarning =
        "The index 'ix_users_email' on table 'users' declares INCLUDE (username), which SQLite does not build: "
        + "the index is built on its key columns alone, and the index rules judge it so. Declare it only when the provider is PostgreSQL.";

    private readonly SqliteTestFile _file = new();

    public void Dispose() => _file.Dispose();

    [Fact]
    public async Task EnsureCreated_builds_exactly_the_pruned_index_set()
    {
        await using (var context = new MaintenanceContext(SqliteOptions(_file.ConnectionString)))
        {
            (await context.Database.EnsureCreatedAsync()).Should().BeTrue();
        }

        using var connection = _file.OpenReadOnly();
        SqliteSchema.CreatedIndexNames(connection).Should().Equal(
            "ix_users_username",
            "ix_worksheets_assignee_id_opened_at",
            "ix_worksheets_machine_id",
            "ix_worksheets_open_by_machine",
            "ux_machines_site_code");
        SqliteSchema.IndexList(connection, "worksheets").Should().Equal(
            new SqliteSchema.IndexListEntry("ix_worksheets_assignee_id_opened_at", IsUnique: false, Origin: "c", IsPartial: false),
            new SqliteSchema.IndexListEntry("ix_worksheets_machine_id", IsUnique: false, Origin: "c", IsPartial: false),
            new SqliteSchema.IndexListEntry("ix_worksheets_open_by_machine", IsUnique: false, Origin: "c", IsPartial: true));
        SqliteSchema.IndexList(connection, "users").Should().Equal(
            new SqliteSchema.IndexListEntry("ix_users_username", IsUnique: true, Origin: "c", IsPartial: false));
        SqliteSchema.IndexSql(connection, "ix_worksheets_assignee_id_opened_at").Should().Be(
            "CREATE INDEX \"ix_worksheets_assignee_id_opened_at\" ON \"worksheets\" (\"assignee_id\", \"opened_at\" DESC)");
    }

    [Fact]
    public async Task A_parent_delete_searches_the_foreign_key_index_the_conventions_created()
    {
        await CreateAsync(SqliteOptions(_file.ConnectionString));

        using var connection = _file.OpenReadOnly();
        SqliteSchema.QueryPlan(connection, "DELETE FROM machines WHERE id = 1")
            .Should().Contain("SEARCH worksheets USING COVERING INDEX ix_worksheets_machine_id (machine_id=?)");
        SqliteSchema.QueryPlan(connection, "DELETE FROM users WHERE id = 1")
            .Should().Contain("SEARCH worksheets USING COVERING INDEX ix_worksheets_assignee_id_opened_at (assignee_id=?)");
    }

    [Fact]
    public async Task Without_the_conventions_EF_Core_lets_the_partial_index_stand_for_the_foreign_key_and_the_delete_scans()
    {
        await CreateAsync(new DbContextOptionsBuilder().AllowManyServiceProviders().UseSqlite(_file.ConnectionString).UseSnakeCaseNamingConvention().Options);

        using var connection = _file.OpenReadOnly();
        SqliteSchema.CreatedIndexNames(connection).Should().NotContain("ix_worksheets_machine_id");
        SqliteSchema.QueryPlan(connection, "DELETE FROM machines WHERE id = 1").Should().Contain("SCAN worksheets");
    }

    [Fact]
    public void SQLite_and_PostgreSQL_prune_the_same_indexes_of_the_model()
    {
        var onSqlite = DesignTimeModel(SqliteOptions(_file.ConnectionString));
        var onPostgres = DesignTimeModel(new DbContextOptionsBuilder()
            .AllowManyServiceProviders()
            .UseNpgsql("Host=unused.invalid;Database=unused")
            .UseSnakeCaseNamingConvention()
            .UseIndexConventions()
            .Options);

        onSqlite.GetPrunedIndexes().Should().BeEquivalentTo(
        [
            new PrunedIndex("idx_username", "users", ["username"], PrunedIndexReason.DuplicateOfIndex, "ix_users_username"),
            new PrunedIndex("ix_machines_site", "machines", ["site"], PrunedIndexReason.PrefixOfIndex, "ux_machines_site_code"),
            new PrunedIndex("ix_worksheets_assignee_id", "worksheets", ["assignee_id"], PrunedIndexReason.ForeignKeyCovered, "ix_worksheets_assignee_id_opened_at"),
        ]);
        onSqlite.GetPrunedIndexes().Should().BeEquivalentTo(onPostgres.GetPrunedIndexes(), o => o.WithStrictOrdering());
        IndexNames(onSqlite).Should().Equal(IndexNames(onPostgres));
    }

    [Fact]
    public async Task A_PostgreSQL_only_declaration_warns_and_the_file_gets_the_index_as_SQLite_builds_it()
    {
        var warnings = new List<string>();
        var options = SqliteOptions(
            _file.ConnectionString,
            o => o.LogTo(warnings.Add, [CmmsEventId.UnsupportedIndexFeature], Microsoft.Extensions.Logging.LogLevel.Warning, DbContextLoggerOptions.None));
        await using (var context = new MaintenanceContextWithInclude(options))
        {
            await context.Database.EnsureCreatedAsync();
        }

        warnings.Should().Equal(IncludeWarning);
        using var connection = _file.OpenReadOnly();
        SqliteSchema.IndexSql(connection, "ix_users_email").Should().Be("CREATE INDEX \"ix_users_email\" ON \"users\" (\"email\")");
    }

    [Fact]
    public async Task ConfigureWarnings_Throw_stops_before_anything_is_written_to_the_file()
    {
        var options = SqliteOptions(_file.ConnectionString, o => o.ConfigureWarnings(w => w.Throw(CmmsEventId.UnsupportedIndexFeature)));

        var create = async () =>
        {
            await using var context = new MaintenanceContextWithInclude(options);
            await context.Database.EnsureCreatedAsync();
        };

        (await create.Should().ThrowAsync<InvalidOperationException>()).Which.Message.Should().Be(
            "An error was generated for warning 'Cmms.Data.Conventions.UnsupportedIndexFeature': " + IncludeWarning
            + " This exception can be suppressed or logged by passing event ID 'CmmsEventId.UnsupportedIndexFeature' to the "
            + "'ConfigureWarnings' method in 'DbContext.OnConfiguring' or 'AddDbContext'.");
        File.Exists(_file.Path).Should().BeFalse("the model failed before EF Core opened the connection");
    }

    private static DbContextOptions SqliteOptions(string connectionString, Action<DbContextOptionsBuilder>? configure = null)
    {
        var builder = new DbContextOptionsBuilder().AllowManyServiceProviders().UseSqlite(connectionString).UseSnakeCaseNamingConvention().UseIndexConventions();
        configure?.Invoke(builder);
        return builder.Options;
    }

    private static async Task CreateAsync(DbContextOptions options)
    {
        await using var context = new MaintenanceContext(options);
        await context.Database.EnsureCreatedAsync();
    }

    // Each call gets a context of its own provider, so the two models never share EF Core's model cache.
    private static IModel DesignTimeModel(DbContextOptions options)
    {
        using var context = new MaintenanceContext(options);
        return context.GetService<IDesignTimeModel>().Model;
    }

    private static IReadOnlyList<string> IndexNames(IModel model)
        => model.GetEntityTypes().SelectMany(e => e.GetIndexes()).Select(i => i.GetDatabaseName()!).Order(StringComparer.Ordinal).ToList();
}
