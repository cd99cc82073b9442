using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Cmms.Data.RewriteScenarios.Migrations;

/// <summary><see cref="RewriteChange.Check" /> on its existing table.</summary>
[DbContext(typeof(RewriteScenariosContext))]
[Migration("20260101000002_AddCheck")]
public sealed class AddCheck : Migration
{
    /// <inheritdoc />
    protected override void Up(MigrationBuilder migrationBuilder) => RewriteChange.Check.Up(migrationBuilder);

    /// <inheritdoc />
    protected override void Down(MigrationBuilder migrationBuilder) => RewriteChange.Check.Down(migrationBuilder);
}
