using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Cmms.Data.IntegrationTests.Migrations.Rewrites;

/// <summary>Adds a foreign key from an existing table to <c>parents</c>.</summary>
public sealed class ForeignKeyScenario
{
    public const string Table = "busy_fk";

    public const string MigrationId = "20260101000000_ForeignKeyScenario";

    [DbContext(typeof(RewriteContext<ForeignKeyScenario>))]
    [Migration(MigrationId)]
    internal sealed class Change : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
            => migrationBuilder.AddForeignKey("fk_busy_fk_parents", Table, "parent_id", "parents", principalColumn: "id");

        protected override void Down(MigrationBuilder migrationBuilder)
            => migrationBuilder.DropForeignKey("fk_busy_fk_parents", Table);
    }
}
