using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Cmms.Data.RewriteScenarios.Migrations;

/// <summary><see cref="RewriteChange.NotNull" /> on its existing table.</summary>
[DbContext(typeof(RewriteScenariosContext))]
[Migration("20260101000003_MakeSerialNotNull")]
public sealed class MakeSerialNotNull : Migration
{
    /// <inheritdoc />
    protected override void Up(MigrationBuilder migrationBuilder) => RewriteChange.NotNull.Up(migrationBuilder);

    /// <inheritdoc />
    protected override void Down(MigrationBuilder migrationBuilder) => RewriteChange.NotNull.Down(migrationBuilder);
}
