using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CivicGrid.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ResidentsInListOrder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Residents_Name_GridCode",
                table: "Residents");

            migrationBuilder.CreateIndex(
                name: "IX_Residents_Name_Id_GridCode",
                table: "Residents",
                columns: new[] { "Name", "Id", "GridCode" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Residents_Name_Id_GridCode",
                table: "Residents");

            migrationBuilder.CreateIndex(
                name: "IX_Residents_Name_GridCode",
                table: "Residents",
                columns: new[] { "Name", "GridCode" });
        }
    }
}
