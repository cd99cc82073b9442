using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Cmms.Data.IntegrationTests.Engine;

/// <summary>The migrations of <see cref="PlantContext" />, written by hand.</summary>
public static class PlantMigrations
{
    public const string CreateTables = "20260201000000_CreateTables";

    public const string AddIndexes = "20260202000000_AddIndexes";

    /// <summary>The indexes <see cref="AddIndexes" /> builds, by table: pumps gets two, one after the other.</summary>
    public static readonly IReadOnlyList<string> Built = ["ix_meters_zone", "ix_pumps_line", "ix_pumps_zone_line", "ux_valves_serial"];

    /// <summary>pumps, valves and meters, pumps with an index on zone that <see cref="AddIndexes" /> replaces.</summary>
    [DbContext(typeof(PlantContext))]
    [Migration(CreateTables)]
    public sealed class CreateTablesMigration : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var table in new[] { "pumps", "valves", "meters" })
            {
                migrationBuilder.CreateTable(
                    name: table,
                    columns: t => new
                    {
                        Id = t.Column<long>(type: "bigint", nullable: false)
                            .Annotation("Npgsql:ValueGenerationStrategy", Npgsql.EntityFrameworkCore.PostgreSQL.Metadata.NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                        Zone = t.Column<int>(type: "integer", nullable: false),
                        Line = t.Column<int>(type: "integer", nullable: false),
                        Serial = t.Column<string>(type: "text", nullable: false),
                    },
                    constraints: t => t.PrimaryKey($"PK_{table}", x => x.Id));
            }

            migrationBuilder.CreateIndex(name: "ix_pumps_zone", table: "pumps", column: "Zone");
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in new[] { "pumps", "valves", "meters" })
            {
                migrationBuilder.DropTable(name: table);
            }
        }
    }

    /// <summary>Indexes on the three populated tables, in the order <c>dotnet ef migrations add</c> writes them (the drop first).</summary>
    [DbContext(typeof(PlantContext))]
    [Migration(AddIndexes)]
    public sealed class AddIndexesMigration : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(name: "ix_pumps_zone", table: "pumps");
            migrationBuilder.CreateIndex(name: "ix_pumps_zone_line", table: "pumps", columns: ["Zone", "Line"]);
            migrationBuilder.CreateIndex(name: "ix_pumps_line", table: "pumps", column: "Line");
            migrationBuilder.CreateIndex(name: "ux_valves_serial", table: "valves", column: "Serial", unique: true);
            migrationBuilder.CreateIndex(name: "ix_meters_zone", table: "meters", column: "Zone");
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var (name, table) in new[] { ("ix_pumps_zone_line", "pumps"), ("ix_pumps_line", "pumps"), ("ux_valves_serial", "valves"), ("ix_meters_zone", "meters") })
            {
                migrationBuilder.DropIndex(name: name, table: table);
            }

            migrationBuilder.CreateIndex(name: "ix_pumps_zone", table: "pumps", column: "Zone");
        }
    }
}
