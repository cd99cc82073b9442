using System.Collections.Concurrent;
using Cmms.Data.Conventions.Migrations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Cmms.Data.IntegrationTests.Engine;

/// <summary>A meter reading: the one entity of <see cref="FieldContext" />.</summary>
public sealed class FieldReading
{
    public long Id { get; set; }

    public int Meter { get; set; }
}

/// <summary>
///     A context whose only table lives outside the connection's default schema (<c>field.readings</c>), with one
///     migration of its own and no model snapshot: where a no-op check that looked only at <c>current_schema()</c>
///     would miss an INVALID index the model declares.
/// </summary>
public sealed class FieldContext(DbContextOptions<FieldContext> options) : DbContext(options)
{
    public const string Schema = "field";

    public const string Index = "ix_readings_meter";

    public static FieldContext Create(
        string connectionString,
        Action<SafeMigrationsOptionsBuilder>? safe = null,
        ConcurrentQueue<string>? debugLog = null,
        Action<DbContextOptionsBuilder>? configure = null)
    {
        var options = EngineContextOptions.For<FieldContext>(connectionString, safe);
        if (debugLog is not null)
        {
            options.LogTo(debugLog.Enqueue, Microsoft.Extensions.Logging.LogLevel.Debug);
        }

        configure?.Invoke(options);
        return new FieldContext(options.Options);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<FieldReading>(builder =>
        {
            builder.ToTable("readings", Schema);
            builder.HasIndex(r => r.Meter, Index);
        });
    }

    /// <summary>The schema, the table and its index.</summary>
    [DbContext(typeof(FieldContext))]
    [Migration(Id)]
    public sealed class CreateReadingsMigration : Migration
    {
        public const string Id = "20260201000000_CreateReadings";

        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(Schema);
            migrationBuilder.CreateTable(
                name: "readings",
                schema: Schema,
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Meter = table.Column<int>(type: "integer", nullable: false),
                },
                constraints: table => table.PrimaryKey("PK_readings", x => x.Id));
            migrationBuilder.CreateIndex(name: Index, schema: Schema, table: "readings", column: "Meter");
        }

        protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable(name: "readings", schema: Schema);
    }
}
