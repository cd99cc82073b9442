using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Cmms.Data.IntegrationTests.Migrations.Rewrites;

/// <summary>Makes a nullable column of an existing table NOT NULL.</summary>
public sealed class NotNullScenario
{
    public const string Table = "busy_not_null";

    public const string MigrationId = "20260101000000_NotNullScenario";

    [DbContext(typeof(RewriteContext<NotNullScenario>))]
    [Migration(MigrationId)]
    internal sealed class Change : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
            => migrationBuilder.AlterColumn<string>("serial", Table, "text", nullable: false, oldClrType: typeof(string), oldType: "text", oldNullable: true);

        protected override void Down(MigrationBuilder migrationBuilder)
            => migrationBuilder.AlterColumn<string>("serial", Table, "text", nullable: true, oldClrType: typeof(string), oldType: "text", oldNullable: false);
    }
}
