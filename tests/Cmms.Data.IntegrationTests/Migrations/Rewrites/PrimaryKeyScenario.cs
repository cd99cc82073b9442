using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Cmms.Data.IntegrationTests.Migrations.Rewrites;

/// <summary>Adds a primary key to an existing table that has none.</summary>
public sealed class PrimaryKeyScenario
{
    public const string Table = "busy_pk";

    public const string MigrationId = "20260101000000_PrimaryKeyScenario";

    [DbContext(typeof(RewriteContext<PrimaryKeyScenario>))]
    [Migration(MigrationId)]
    internal sealed class Change : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
            => migrationBuilder.AddPrimaryKey("pk_busy_pk", Table, "id");

        protected override void Down(MigrationBuilder migrationBuilder)
            => migrationBuilder.DropPrimaryKey("pk_busy_pk", Table);
    }
}
