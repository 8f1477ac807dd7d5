using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CivicGrid.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class VisitPlans : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "HouseholdVisit",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    HouseholdId = table.Column<int>(type: "INTEGER", nullable: false),
                    GridCode = table.Column<string>(type: "TEXT", maxLength: 15, nullable: false),
                    VisitedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    MetResidentId = table.Column<int>(type: "INTEGER", nullable: true),
                    NoOneHome = table.Column<bool>(type: "INTEGER", nullable: false),
                    Situation = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    CaseId = table.Column<int>(type: "INTEGER", nullable: true),
                    VisitTaskId = table.Column<int>(type: "INTEGER", nullable: true),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HouseholdVisit", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HouseholdVisit_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_HouseholdVisit_Households_HouseholdId",
                        column: x => x.HouseholdId,
                        principalTable: "Households",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_HouseholdVisit_Residents_MetResidentId",
                        column: x => x.MetResidentId,
                        principalTable: "Residents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_HouseholdVisit_VisitTasks_VisitTaskId",
                        column: x => x.VisitTaskId,
                        principalTable: "VisitTasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "VisitPolicy",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    AttentionRule = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    AttentionEveryMonths = table.Column<int>(type: "INTEGER", nullable: false),
                    OthersEveryMonths = table.Column<int>(type: "INTEGER", nullable: false),
                    Since = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VisitPolicy", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_HouseholdVisit_CaseId",
                table: "HouseholdVisit",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_HouseholdVisit_GridCode_VisitedOn",
                table: "HouseholdVisit",
                columns: new[] { "GridCode", "VisitedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_HouseholdVisit_HouseholdId_VisitedOn",
                table: "HouseholdVisit",
                columns: new[] { "HouseholdId", "VisitedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_HouseholdVisit_MetResidentId",
                table: "HouseholdVisit",
                column: "MetResidentId");

            migrationBuilder.CreateIndex(
                name: "IX_HouseholdVisit_VisitTaskId",
                table: "HouseholdVisit",
                column: "VisitTaskId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "HouseholdVisit");

            migrationBuilder.DropTable(
                name: "VisitPolicy");
        }
    }
}
