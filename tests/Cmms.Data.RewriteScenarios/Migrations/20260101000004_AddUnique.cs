using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Cmms.Data.RewriteScenarios.Migrations;

/// <summary><see cref="RewriteChange.Unique" /> on its existing table.</summary>
[DbContext(typeof(RewriteScenariosContext))]
[Migration("20260101000004_AddUnique")]
public sealed class AddUnique : Migration
{
    /// <inheritdoc />
    protected override void Up(MigrationBuilder migrationBuilder) => RewriteChange.Unique.Up(migrationBuilder);

    /// <inheritdoc />
    protected override void Down(MigrationBuilder migrationBuilder) => RewriteChange.Unique.Down(migrationBuilder);
}
