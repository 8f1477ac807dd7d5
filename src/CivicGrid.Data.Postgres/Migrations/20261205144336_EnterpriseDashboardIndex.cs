using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CivicGrid.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class EnterpriseDashboardIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Enterprises_BuildingId",
                table: "Enterprises");

            migrationBuilder.CreateIndex(
                name: "IX_Enterprises_BuildingId_GridCode_IsKeyTaxSource",
                table: "Enterprises",
                columns: new[] { "BuildingId", "GridCode", "IsKeyTaxSource" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Enterprises_BuildingId_GridCode_IsKeyTaxSource",
                table: "Enterprises");

            migrationBuilder.CreateIndex(
                name: "IX_Enterprises_BuildingId",
                table: "Enterprises",
                column: "BuildingId");
        }
    }
}
