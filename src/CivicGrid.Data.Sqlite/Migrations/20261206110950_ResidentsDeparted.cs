using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CivicGrid.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ResidentsDeparted : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Residents_Departed",
                table: "Residents",
                columns: new[] { "DepartedOn", "GridCode" },
                filter: "\"DepartedOn\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Residents_Departed",
                table: "Residents");
        }
    }
}
