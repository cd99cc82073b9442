using Cmms.Data.RewriteScenarios;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Cmms.Data.IntegrationTests.Migrations.Rewrites;

/// <summary>Makes a nullable column of an existing table NOT NULL.</summary>
public sealed class NotNullScenario
{
    public static string Table => RewriteChange.NotNull.Table;

    public const string MigrationId = "20260101000000_NotNullScenario";

    [DbContext(typeof(RewriteContext<NotNullScenario>))]
    [Migration(MigrationId)]
    internal sealed class Change : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder) => RewriteChange.NotNull.Up(migrationBuilder);

        protected override void Down(MigrationBuilder migrationBuilder) => RewriteChange.NotNull.Down(migrationBuilder);
    }
}
