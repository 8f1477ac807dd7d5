using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CivicGrid.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class RunnerSweeps : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "EnterpriseVisit",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RunnerId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    EnterpriseId = table.Column<int>(type: "INTEGER", nullable: false),
                    BuildingId = table.Column<int>(type: "INTEGER", nullable: false),
                    GridCode = table.Column<string>(type: "TEXT", maxLength: 15, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    MetWhom = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Photos = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EnterpriseVisit", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EnterpriseVisit_Buildings_BuildingId",
                        column: x => x.BuildingId,
                        principalTable: "Buildings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_EnterpriseVisit_Enterprises_EnterpriseId",
                        column: x => x.EnterpriseId,
                        principalTable: "Enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RunnerAssignment",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RunnerId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    BuildingId = table.Column<int>(type: "INTEGER", nullable: false),
                    Since = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Until = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RunnerAssignment", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RunnerAssignment_AspNetUsers_RunnerId",
                        column: x => x.RunnerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RunnerAssignment_Buildings_BuildingId",
                        column: x => x.BuildingId,
                        principalTable: "Buildings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EnterpriseNeed_VisitId",
                table: "EnterpriseNeed",
                column: "VisitId");

            migrationBuilder.CreateIndex(
                name: "IX_EnterpriseVisit_BuildingId_At",
                table: "EnterpriseVisit",
                columns: new[] { "BuildingId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_EnterpriseVisit_EnterpriseId_At_GridCode",
                table: "EnterpriseVisit",
                columns: new[] { "EnterpriseId", "At", "GridCode" });

            migrationBuilder.CreateIndex(
                name: "IX_EnterpriseVisit_RunnerId_At",
                table: "EnterpriseVisit",
                columns: new[] { "RunnerId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_RunnerAssignment_BuildingId_Until",
                table: "RunnerAssignment",
                columns: new[] { "BuildingId", "Until" });

            migrationBuilder.CreateIndex(
                name: "IX_RunnerAssignment_RunnerId_BuildingId",
                table: "RunnerAssignment",
                columns: new[] { "RunnerId", "BuildingId" });

            migrationBuilder.AddForeignKey(
                name: "FK_EnterpriseNeed_EnterpriseVisit_VisitId",
                table: "EnterpriseNeed",
                column: "VisitId",
                principalTable: "EnterpriseVisit",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_EnterpriseNeed_EnterpriseVisit_VisitId",
                table: "EnterpriseNeed");

            migrationBuilder.DropTable(
                name: "EnterpriseVisit");

            migrationBuilder.DropTable(
                name: "RunnerAssignment");

            migrationBuilder.DropIndex(
                name: "IX_EnterpriseNeed_VisitId",
                table: "EnterpriseNeed");
        }
    }
}
