using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cmms.Data.Sample.Migrations
{
    /// <inheritdoc />
    public partial class AddOrderIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_orders_open_by_customer",
                table: "orders",
                columns: new[] { "customer_id", "created_at" },
                filter: "status = 0");

            migrationBuilder.CreateIndex(
                name: "ix_orders_status_created_at",
                table: "orders",
                columns: new[] { "status", "created_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_orders_open_by_customer",
                table: "orders");

            migrationBuilder.DropIndex(
                name: "ix_orders_status_created_at",
                table: "orders");
        }
    }
}
