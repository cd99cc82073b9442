using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Cmms.Data.RewriteScenarios.Migrations;

/// <summary><see cref="RewriteChange.ForeignKey" /> on its existing table.</summary>
[DbContext(typeof(RewriteScenariosContext))]
[Migration("20260101000001_AddForeignKey")]
public sealed class AddForeignKey : Migration
{
    /// <inheritdoc />
    protected override void Up(MigrationBuilder migrationBuilder) => RewriteChange.ForeignKey.Up(migrationBuilder);

    /// <inheritdoc />
    protected override void Down(MigrationBuilder migrationBuilder) => RewriteChange.ForeignKey.Down(migrationBuilder);
}
