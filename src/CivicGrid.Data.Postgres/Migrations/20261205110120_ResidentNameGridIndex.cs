using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CivicGrid.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ResidentNameGridIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Residents_Name",
                table: "Residents");

            migrationBuilder.CreateIndex(
                name: "IX_Residents_Name_GridCode",
                table: "Residents",
                columns: new[] { "Name", "GridCode" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Residents_Name_GridCode",
                table: "Residents");

            migrationBuilder.CreateIndex(
                name: "IX_Residents_Name",
                table: "Residents",
                column: "Name");
        }
    }
}
