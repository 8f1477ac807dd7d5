using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CivicGrid.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ResidentRuleFactsIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Residents_RuleFacts",
                table: "Residents",
                columns: new[] { "BirthDate", "GridCode", "ResidenceType", "Gender", "Relation", "HouseholdId", "MoveInDate", "DepartedOn", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Residents_RuleFacts",
                table: "Residents");
        }
    }
}
