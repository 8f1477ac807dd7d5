using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CivicGrid.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class MajorProjects : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ServiceGroupId",
                table: "AspNetUsers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ServiceGroup",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Focus = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    LeaderName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ServiceGroup", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MajorProject",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Investor = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Sector = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CommunityCode = table.Column<string>(type: "TEXT", maxLength: 15, nullable: false),
                    StreetCode = table.Column<string>(type: "TEXT", maxLength: 15, nullable: false),
                    Latitude = table.Column<double>(type: "REAL", nullable: false),
                    Longitude = table.Column<double>(type: "REAL", nullable: false),
                    Boundary = table.Column<string>(type: "TEXT", maxLength: 200000, nullable: true),
                    PlannedInvestment = table.Column<long>(type: "INTEGER", nullable: false),
                    ServiceGroupId = table.Column<int>(type: "INTEGER", nullable: true),
                    LeadCadreId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    ContactName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    ContactPhoneCipher = table.Column<byte[]>(type: "BLOB", nullable: true),
                    ContactPhoneMasked = table.Column<string>(type: "TEXT", maxLength: 11, nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Stage = table.Column<int>(type: "INTEGER", nullable: false),
                    StatusReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    TerminatedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MajorProject", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MajorProject_AspNetUsers_LeadCadreId",
                        column: x => x.LeadCadreId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_MajorProject_ServiceGroup_ServiceGroupId",
                        column: x => x.ServiceGroupId,
                        principalTable: "ServiceGroup",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MajorProject_TerritoryNodes_CommunityCode",
                        column: x => x.CommunityCode,
                        principalTable: "TerritoryNodes",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ProjectBlocker",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProjectId = table.Column<int>(type: "INTEGER", nullable: false),
                    CaseId = table.Column<int>(type: "INTEGER", nullable: false),
                    Type = table.Column<int>(type: "INTEGER", nullable: false),
                    LoggedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    LoggedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProjectBlocker", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProjectBlocker_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ProjectBlocker_MajorProject_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "MajorProject",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProjectEvent",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProjectId = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Action = table.Column<int>(type: "INTEGER", nullable: false),
                    Stage = table.Column<int>(type: "INTEGER", nullable: true),
                    On = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProjectEvent", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProjectEvent_MajorProject_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "MajorProject",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProjectGate",
                columns: table => new
                {
                    ProjectId = table.Column<int>(type: "INTEGER", nullable: false),
                    Stage = table.Column<int>(type: "INTEGER", nullable: false),
                    PlannedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReachedOn = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProjectGate", x => new { x.ProjectId, x.Stage });
                    table.ForeignKey(
                        name: "FK_ProjectGate_MajorProject_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "MajorProject",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProjectProgress",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProjectId = table.Column<int>(type: "INTEGER", nullable: false),
                    Month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    InvestmentDone = table.Column<long>(type: "INTEGER", nullable: false),
                    StageReached = table.Column<int>(type: "INTEGER", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Photos = table.Column<string>(type: "TEXT", nullable: false),
                    Confirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProjectProgress", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProjectProgress_MajorProject_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "MajorProject",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProjectYearPlan",
                columns: table => new
                {
                    ProjectId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Planned = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProjectYearPlan", x => new { x.ProjectId, x.Year });
                    table.ForeignKey(
                        name: "FK_ProjectYearPlan_MajorProject_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "MajorProject",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_ServiceGroupId",
                table: "AspNetUsers",
                column: "ServiceGroupId");

            migrationBuilder.CreateIndex(
                name: "IX_MajorProject_Code",
                table: "MajorProject",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MajorProject_CommunityCode_Status_Stage",
                table: "MajorProject",
                columns: new[] { "CommunityCode", "Status", "Stage" });

            migrationBuilder.CreateIndex(
                name: "IX_MajorProject_LeadCadreId",
                table: "MajorProject",
                column: "LeadCadreId");

            migrationBuilder.CreateIndex(
                name: "IX_MajorProject_ServiceGroupId_Status_Stage",
                table: "MajorProject",
                columns: new[] { "ServiceGroupId", "Status", "Stage" });

            migrationBuilder.CreateIndex(
                name: "IX_MajorProject_StreetCode_Sector",
                table: "MajorProject",
                columns: new[] { "StreetCode", "Sector" });

            migrationBuilder.CreateIndex(
                name: "IX_ProjectBlocker_CaseId",
                table: "ProjectBlocker",
                column: "CaseId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProjectBlocker_ProjectId_Type",
                table: "ProjectBlocker",
                columns: new[] { "ProjectId", "Type" });

            migrationBuilder.CreateIndex(
                name: "IX_ProjectEvent_ProjectId_At",
                table: "ProjectEvent",
                columns: new[] { "ProjectId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_ProjectGate_Stage_PlannedOn_ReachedOn_ProjectId",
                table: "ProjectGate",
                columns: new[] { "Stage", "PlannedOn", "ReachedOn", "ProjectId" });

            migrationBuilder.CreateIndex(
                name: "IX_ProjectProgress_Month_ProjectId",
                table: "ProjectProgress",
                columns: new[] { "Month", "ProjectId" });

            migrationBuilder.CreateIndex(
                name: "IX_ProjectProgress_ProjectId_Month",
                table: "ProjectProgress",
                columns: new[] { "ProjectId", "Month" });

            migrationBuilder.CreateIndex(
                name: "IX_ServiceGroup_Name",
                table: "ServiceGroup",
                column: "Name",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_AspNetUsers_ServiceGroup_ServiceGroupId",
                table: "AspNetUsers",
                column: "ServiceGroupId",
                principalTable: "ServiceGroup",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_AspNetUsers_ServiceGroup_ServiceGroupId",
                table: "AspNetUsers");

            migrationBuilder.DropTable(
                name: "ProjectBlocker");

            migrationBuilder.DropTable(
                name: "ProjectEvent");

            migrationBuilder.DropTable(
                name: "ProjectGate");

            migrationBuilder.DropTable(
                name: "ProjectProgress");

            migrationBuilder.DropTable(
                name: "ProjectYearPlan");

            migrationBuilder.DropTable(
                name: "MajorProject");

            migrationBuilder.DropTable(
                name: "ServiceGroup");

            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_ServiceGroupId",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "ServiceGroupId",
                table: "AspNetUsers");
        }
    }
}
