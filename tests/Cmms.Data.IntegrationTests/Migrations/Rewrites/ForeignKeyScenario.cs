using Cmms.Data.RewriteScenarios;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Cmms.Data.IntegrationTests.Migrations.Rewrites;

/// <summary>Adds a foreign key from an existing table to <c>parents</c>.</summary>
public sealed class ForeignKeyScenario
{
    public static string Table => RewriteChange.ForeignKey.Table;

    public const string MigrationId = "20260101000000_ForeignKeyScenario";

    [DbContext(typeof(RewriteContext<ForeignKeyScenario>))]
    [Migration(MigrationId)]
    internal sealed class Change : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder) => RewriteChange.ForeignKey.Up(migrationBuilder);

        protected override void Down(MigrationBuilder migrationBuilder) => RewriteChange.ForeignKey.Down(migrationBuilder);
    }
}
