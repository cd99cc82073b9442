using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Cmms.Data.IntegrationTests.Migrations.Rewrites;

/// <summary>Adds a unique constraint to an existing table.</summary>
public sealed class UniqueScenario
{
    public const string Table = "busy_unique";

    public const string MigrationId = "20260101000000_UniqueScenario";

    [DbContext(typeof(RewriteContext<UniqueScenario>))]
    [Migration(MigrationId)]
    internal sealed class Change : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
            => migrationBuilder.AddUniqueConstraint("ak_busy_unique_serial", Table, "serial");

        protected override void Down(MigrationBuilder migrationBuilder)
            => migrationBuilder.DropUniqueConstraint("ak_busy_unique_serial", Table);
    }
}
