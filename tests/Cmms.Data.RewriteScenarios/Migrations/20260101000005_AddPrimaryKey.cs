using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Cmms.Data.RewriteScenarios.Migrations;

/// <summary><see cref="RewriteChange.PrimaryKey" /> on its existing table.</summary>
[DbContext(typeof(RewriteScenariosContext))]
[Migration("20260101000005_AddPrimaryKey")]
public sealed class AddPrimaryKey : Migration
{
    /// <inheritdoc />
    protected override void Up(MigrationBuilder migrationBuilder) => RewriteChange.PrimaryKey.Up(migrationBuilder);

    /// <inheritdoc />
    protected override void Down(MigrationBuilder migrationBuilder) => RewriteChange.PrimaryKey.Down(migrationBuilder);
}
