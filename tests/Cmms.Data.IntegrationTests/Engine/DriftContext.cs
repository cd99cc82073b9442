using Cmms.Data.Conventions.Migrations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Cmms.Data.IntegrationTests.Engine;

/// <summary>An item of <see cref="DriftContext" />.</summary>
public sealed class DriftItem
{
    public long Id { get; set; }

    public string Code { get; set; } = string.Empty;
}

/// <summary>
///     A context whose model has changes its migrations do not capture: its model snapshot is empty while the model
///     has a table. EF Core 9+ refuses <c>Migrate()</c> without a target on such a context
///     (<c>RelationalEventId.PendingModelChangesWarning</c>, an error by default), even when nothing is pending.
/// </summary>
public sealed class DriftContext(DbContextOptions<DriftContext> options) : DbContext(options)
{
    public static DriftContext Create(
        string connectionString,
        Action<DbContextOptionsBuilder>? configure = null,
        Action<SafeMigrationsOptionsBuilder>? safe = null)
    {
        var options = EngineContextOptions.For<DriftContext>(connectionString, safe);
        configure?.Invoke(options);
        return new DriftContext(options.Options);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.Entity<DriftItem>().ToTable("drift_items");

    /// <summary>The table, as the model has it.</summary>
    [DbContext(typeof(DriftContext))]
    [Migration(Id)]
    public sealed class CreateDriftItemsMigration : Migration
    {
        public const string Id = "20260301000000_CreateDriftItems";

        protected override void Up(MigrationBuilder migrationBuilder)
            => migrationBuilder.CreateTable(
                name: "drift_items",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false),
                    Code = table.Column<string>(type: "text", nullable: false),
                },
                constraints: table => table.PrimaryKey("PK_drift_items", x => x.Id));

        protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable(name: "drift_items");
    }

    /// <summary>A snapshot that was never updated after the table was added: the model's changes are "pending".</summary>
    [DbContext(typeof(DriftContext))]
    public sealed class DriftContextModelSnapshot : ModelSnapshot
    {
        protected override void BuildModel(ModelBuilder modelBuilder)
            => modelBuilder.HasAnnotation("ProductVersion", "10.0.15").HasAnnotation("Relational:MaxIdentifierLength", 63);
    }
}
