using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CivicGrid.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class PeopleAtWork : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Activity",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CommunityCode = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: false),
                    FacilityId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    AudienceRule = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Capacity = table.Column<int>(type: "integer", nullable: false),
                    VolunteerTask = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Activity", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Activity_Facilities_FacilityId",
                        column: x => x.FacilityId,
                        principalTable: "Facilities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Activity_TerritoryNodes_CommunityCode",
                        column: x => x.CommunityCode,
                        principalTable: "TerritoryNodes",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CaseFollowers",
                columns: table => new
                {
                    CaseId = table.Column<int>(type: "integer", nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseFollowers", x => new { x.CaseId, x.UserId });
                    table.ForeignKey(
                        name: "FK_CaseFollowers_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

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

            migrationBuilder.CreateTable(
                name: "Volunteer",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ResidentId = table.Column<int>(type: "integer", nullable: false),
                    GridCode = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: false),
                    Name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Skills = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RegisteredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Volunteer", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Volunteer_Residents_ResidentId",
                        column: x => x.ResidentId,
                        principalTable: "Residents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ActivitySession",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ActivityId = table.Column<int>(type: "integer", nullable: false),
                    CommunityCode = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: false),
                    StartsAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Minutes = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Taken = table.Column<int>(type: "integer", nullable: false),
                    ConfirmedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ConfirmedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActivitySession", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ActivitySession_Activity_ActivityId",
                        column: x => x.ActivityId,
                        principalTable: "Activity",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "HoursEntry",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    VolunteerId = table.Column<int>(type: "integer", nullable: false),
                    GridCode = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: false),
                    Source = table.Column<int>(type: "integer", nullable: false),
                    SourceId = table.Column<int>(type: "integer", nullable: false),
                    Minutes = table.Column<int>(type: "integer", nullable: false),
                    Capacity = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CreditedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreditedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HoursEntry", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HoursEntry_Volunteer_VolunteerId",
                        column: x => x.VolunteerId,
                        principalTable: "Volunteer",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ActivitySignUp",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SessionId = table.Column<int>(type: "integer", nullable: false),
                    ResidentId = table.Column<int>(type: "integer", nullable: false),
                    CommunityCode = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    SignedUpAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CheckedInAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CheckedInBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Attended = table.Column<bool>(type: "boolean", nullable: true),
                    Rating = table.Column<int>(type: "integer", nullable: true),
                    Comment = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActivitySignUp", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ActivitySignUp_ActivitySession_SessionId",
                        column: x => x.SessionId,
                        principalTable: "ActivitySession",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ActivitySignUp_Residents_ResidentId",
                        column: x => x.ResidentId,
                        principalTable: "Residents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SessionServer",
                columns: table => new
                {
                    SessionId = table.Column<int>(type: "integer", nullable: false),
                    VolunteerId = table.Column<int>(type: "integer", nullable: false),
                    Role = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SessionServer", x => new { x.SessionId, x.VolunteerId });
                    table.ForeignKey(
                        name: "FK_SessionServer_ActivitySession_SessionId",
                        column: x => x.SessionId,
                        principalTable: "ActivitySession",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SessionServer_Volunteer_VolunteerId",
                        column: x => x.VolunteerId,
                        principalTable: "Volunteer",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Activity_CommunityCode",
                table: "Activity",
                column: "CommunityCode");

            migrationBuilder.CreateIndex(
                name: "IX_Activity_FacilityId",
                table: "Activity",
                column: "FacilityId");

            migrationBuilder.CreateIndex(
                name: "IX_ActivitySession_ActivityId_StartsAt",
                table: "ActivitySession",
                columns: new[] { "ActivityId", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ActivitySession_CommunityCode_StartsAt",
                table: "ActivitySession",
                columns: new[] { "CommunityCode", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ActivitySignUp_ResidentId_SessionId",
                table: "ActivitySignUp",
                columns: new[] { "ResidentId", "SessionId" });

            migrationBuilder.CreateIndex(
                name: "IX_ActivitySignUp_SessionId_CheckedInAt",
                table: "ActivitySignUp",
                columns: new[] { "SessionId", "CheckedInAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ActivitySignUp_SessionId_ResidentId",
                table: "ActivitySignUp",
                columns: new[] { "SessionId", "ResidentId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CaseFollowers_UserId",
                table: "CaseFollowers",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_HoursEntry_GridCode_Minutes",
                table: "HoursEntry",
                columns: new[] { "GridCode", "Minutes" });

            migrationBuilder.CreateIndex(
                name: "IX_HoursEntry_VolunteerId_Source_SourceId",
                table: "HoursEntry",
                columns: new[] { "VolunteerId", "Source", "SourceId" },
                unique: true);

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

            migrationBuilder.CreateIndex(
                name: "IX_SessionServer_VolunteerId",
                table: "SessionServer",
                column: "VolunteerId");

            migrationBuilder.CreateIndex(
                name: "IX_Volunteer_GridCode_Name",
                table: "Volunteer",
                columns: new[] { "GridCode", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_Volunteer_ResidentId",
                table: "Volunteer",
                column: "ResidentId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ActivitySignUp");

            migrationBuilder.DropTable(
                name: "CaseFollowers");

            migrationBuilder.DropTable(
                name: "HoursEntry");

            migrationBuilder.DropTable(
                name: "HouseholdVisit");

            migrationBuilder.DropTable(
                name: "SessionServer");

            migrationBuilder.DropTable(
                name: "VisitPolicy");

            migrationBuilder.DropTable(
                name: "ActivitySession");

            migrationBuilder.DropTable(
                name: "Volunteer");

            migrationBuilder.DropTable(
                name: "Activity");
        }
    }
}
