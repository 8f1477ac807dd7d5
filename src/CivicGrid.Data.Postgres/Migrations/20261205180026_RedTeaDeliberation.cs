using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CivicGrid.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class RedTeaDeliberation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "EnterpriseId",
                table: "DeliberationParticipant",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "BusinessCommunityId",
                table: "DeliberationDays",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "IndustryGroup",
                table: "DeliberationDays",
                type: "character varying(30)",
                maxLength: 30,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_DeliberationParticipant_EnterpriseId",
                table: "DeliberationParticipant",
                column: "EnterpriseId");

            migrationBuilder.CreateIndex(
                name: "IX_DeliberationDays_BusinessCommunityId",
                table: "DeliberationDays",
                column: "BusinessCommunityId");

            migrationBuilder.AddForeignKey(
                name: "FK_DeliberationDays_BusinessCommunities_BusinessCommunityId",
                table: "DeliberationDays",
                column: "BusinessCommunityId",
                principalTable: "BusinessCommunities",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_DeliberationParticipant_Enterprises_EnterpriseId",
                table: "DeliberationParticipant",
                column: "EnterpriseId",
                principalTable: "Enterprises",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_DeliberationDays_BusinessCommunities_BusinessCommunityId",
                table: "DeliberationDays");

            migrationBuilder.DropForeignKey(
                name: "FK_DeliberationParticipant_Enterprises_EnterpriseId",
                table: "DeliberationParticipant");

            migrationBuilder.DropIndex(
                name: "IX_DeliberationParticipant_EnterpriseId",
                table: "DeliberationParticipant");

            migrationBuilder.DropIndex(
                name: "IX_DeliberationDays_BusinessCommunityId",
                table: "DeliberationDays");

            migrationBuilder.DropColumn(
                name: "EnterpriseId",
                table: "DeliberationParticipant");

            migrationBuilder.DropColumn(
                name: "BusinessCommunityId",
                table: "DeliberationDays");

            migrationBuilder.DropColumn(
                name: "IndustryGroup",
                table: "DeliberationDays");
        }
    }
}
