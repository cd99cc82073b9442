using Cmms.Data.RewriteScenarios;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Cmms.Data.IntegrationTests.Migrations.Rewrites;

/// <summary>Adds a unique constraint to an existing table.</summary>
public sealed class UniqueScenario
{
    public static string Table => RewriteChange.Unique.Table;

    public const string MigrationId = "20260101000000_UniqueScenario";

    [DbContext(typeof(RewriteContext<UniqueScenario>))]
    [Migration(MigrationId)]
    internal sealed class Change : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder) => RewriteChange.Unique.Up(migrationBuilder);

        protected override void Down(MigrationBuilder migrationBuilder) => RewriteChange.Unique.Down(migrationBuilder);
    }
}
