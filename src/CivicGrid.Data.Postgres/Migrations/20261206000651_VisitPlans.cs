using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CivicGrid.Data.Postgres.Migrations
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    HouseholdId = table.Column<int>(type: "integer", nullable: false),
                    GridCode = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: false),
                    VisitedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    MetResidentId = table.Column<int>(type: "integer", nullable: true),
                    NoOneHome = table.Column<bool>(type: "boolean", nullable: false),
                    Situation = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    CaseId = table.Column<int>(type: "integer", nullable: true),
                    VisitTaskId = table.Column<int>(type: "integer", nullable: true),
                    RecordedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false),
                    AttentionRule = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    AttentionEveryMonths = table.Column<int>(type: "integer", nullable: false),
                    OthersEveryMonths = table.Column<int>(type: "integer", nullable: false),
                    Since = table.Column<DateOnly>(type: "date", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
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
