using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Cmms.Data.IntegrationTests.Migrations.Rewrites;

/// <summary>Adds a check constraint to an existing table.</summary>
public sealed class CheckScenario
{
    public const string Table = "busy_check";

    public const string MigrationId = "20260101000000_CheckScenario";

    [DbContext(typeof(RewriteContext<CheckScenario>))]
    [Migration(MigrationId)]
    internal sealed class Change : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
            => migrationBuilder.AddCheckConstraint("ck_busy_check_value", Table, "value >= 0");

        protected override void Down(MigrationBuilder migrationBuilder)
            => migrationBuilder.DropCheckConstraint("ck_busy_check_value", Table);
    }
}
