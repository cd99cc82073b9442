using Cmms.Data.RewriteScenarios;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Cmms.Data.IntegrationTests.Migrations.Rewrites;

/// <summary>Adds a primary key to an existing table that has none.</summary>
public sealed class PrimaryKeyScenario
{
    public static string Table => RewriteChange.PrimaryKey.Table;

    public const string MigrationId = "20260101000000_PrimaryKeyScenario";

    [DbContext(typeof(RewriteContext<PrimaryKeyScenario>))]
    [Migration(MigrationId)]
    internal sealed class Change : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder) => RewriteChange.PrimaryKey.Up(migrationBuilder);

        protected override void Down(MigrationBuilder migrationBuilder) => RewriteChange.PrimaryKey.Down(migrationBuilder);
    }
}
