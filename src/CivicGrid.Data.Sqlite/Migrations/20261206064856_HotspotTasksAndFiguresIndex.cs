using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CivicGrid.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class HotspotTasksAndFiguresIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Cases_ReceivedAt",
                table: "Cases");

            migrationBuilder.CreateTable(
                name: "HotspotTask",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ItemCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    GridCode = table.Column<string>(type: "TEXT", maxLength: 15, nullable: false),
                    CaseId = table.Column<int>(type: "INTEGER", nullable: false),
                    CaseCount = table.Column<int>(type: "INTEGER", nullable: false),
                    Latitude = table.Column<double>(type: "REAL", nullable: false),
                    Longitude = table.Column<double>(type: "REAL", nullable: false),
                    OpenedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HotspotTask", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HotspotTask_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_ReceivedAt_Figures",
                table: "Cases",
                columns: new[] { "ReceivedAt", "ItemCode", "GridCode", "Status", "Latitude", "Longitude", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_HotspotTask_CaseId",
                table: "HotspotTask",
                column: "CaseId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_HotspotTask_GridCode_ItemCode",
                table: "HotspotTask",
                columns: new[] { "GridCode", "ItemCode" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "HotspotTask");

            migrationBuilder.DropIndex(
                name: "IX_Cases_ReceivedAt_Figures",
                table: "Cases");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_ReceivedAt",
                table: "Cases",
                column: "ReceivedAt");
        }
    }
}
