using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Cmms.Data.IntegrationTests.Engine;

/// <summary>The migrations of <see cref="GaugeContext" />, written by hand as a small application would have them.</summary>
public static class GaugeMigrations
{
    public const string CreateGauges = "20260101000000_CreateGauges";

    public const string ReplaceZoneIndex = "20260102000000_ReplaceZoneIndex";

    /// <summary>The gauges table with an index on zone (transactional: the table is new).</summary>
    [DbContext(typeof(GaugeContext))]
    [Migration(CreateGauges)]
    public sealed class CreateGaugesMigration : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "gauges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", Npgsql.EntityFrameworkCore.PostgreSQL.Metadata.NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Zone = table.Column<int>(type: "integer", nullable: false),
                    Site = table.Column<string>(type: "text", nullable: false),
                },
                constraints: table => table.PrimaryKey("PK_gauges", x => x.Id));
            migrationBuilder.CreateIndex(name: "ix_gauges_zone", table: "gauges", column: "Zone");
        }

        protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable(name: "gauges");
    }

    /// <summary>
    ///     Replaces the zone index by one on (zone, site), in the order <c>dotnet ef migrations add</c> writes it: the drop
    ///     first. The engine must build the new index before it drops the old one.
    /// </summary>
    [DbContext(typeof(GaugeContext))]
    [Migration(ReplaceZoneIndex)]
    public sealed class ReplaceZoneIndexMigration : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(name: "ix_gauges_zone", table: "gauges");
            migrationBuilder.CreateIndex(name: "ix_gauges_zone_site", table: "gauges", columns: ["Zone", "Site"]);
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(name: "ix_gauges_zone_site", table: "gauges");
            migrationBuilder.CreateIndex(name: "ix_gauges_zone", table: "gauges", column: "Zone");
        }
    }
}
