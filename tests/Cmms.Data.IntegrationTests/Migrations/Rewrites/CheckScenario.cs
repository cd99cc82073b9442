using Cmms.Data.RewriteScenarios;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Cmms.Data.IntegrationTests.Migrations.Rewrites;

/// <summary>Adds a check constraint to an existing table.</summary>
public sealed class CheckScenario
{
    public static string Table => RewriteChange.Check.Table;

    public const string MigrationId = "20260101000000_CheckScenario";

    [DbContext(typeof(RewriteContext<CheckScenario>))]
    [Migration(MigrationId)]
    internal sealed class Change : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder) => RewriteChange.Check.Up(migrationBuilder);

        protected override void Down(MigrationBuilder migrationBuilder) => RewriteChange.Check.Down(migrationBuilder);
    }
}
