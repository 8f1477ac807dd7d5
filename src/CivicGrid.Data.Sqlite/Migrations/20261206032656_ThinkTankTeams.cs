using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CivicGrid.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ThinkTankTeams : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "DurationMinutes",
                table: "DeliberationDays",
                type: "INTEGER",
                nullable: false,
                defaultValue: 120); // existing days: the default length of a meeting

            migrationBuilder.CreateTable(
                name: "VolunteerTeam",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CommunityCode = table.Column<string>(type: "TEXT", maxLength: 15, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    ThinkTankGroupId = table.Column<int>(type: "INTEGER", nullable: true),
                    SkillList = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VolunteerTeam", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VolunteerTeam_TerritoryNodes_CommunityCode",
                        column: x => x.CommunityCode,
                        principalTable: "TerritoryNodes",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_VolunteerTeam_ThinkTankGroups_ThinkTankGroupId",
                        column: x => x.ThinkTankGroupId,
                        principalTable: "ThinkTankGroups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "DeliberationInvitation",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DeliberationDayId = table.Column<int>(type: "INTEGER", nullable: false),
                    VolunteerId = table.Column<int>(type: "INTEGER", nullable: false),
                    TeamId = table.Column<int>(type: "INTEGER", nullable: false),
                    HostCode = table.Column<string>(type: "TEXT", maxLength: 15, nullable: false),
                    Answer = table.Column<int>(type: "INTEGER", nullable: false),
                    InvitedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    InvitedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    AnsweredAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Attended = table.Column<bool>(type: "INTEGER", nullable: true),
                    AttendanceMarkedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeliberationInvitation", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DeliberationInvitation_DeliberationDays_DeliberationDayId",
                        column: x => x.DeliberationDayId,
                        principalTable: "DeliberationDays",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DeliberationInvitation_VolunteerTeam_TeamId",
                        column: x => x.TeamId,
                        principalTable: "VolunteerTeam",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DeliberationInvitation_Volunteer_VolunteerId",
                        column: x => x.VolunteerId,
                        principalTable: "Volunteer",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TeamMember",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TeamId = table.Column<int>(type: "INTEGER", nullable: false),
                    VolunteerId = table.Column<int>(type: "INTEGER", nullable: false),
                    CommunityCode = table.Column<string>(type: "TEXT", maxLength: 15, nullable: false),
                    Skills = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    JoinedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AddedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TeamMember", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TeamMember_VolunteerTeam_TeamId",
                        column: x => x.TeamId,
                        principalTable: "VolunteerTeam",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_TeamMember_Volunteer_VolunteerId",
                        column: x => x.VolunteerId,
                        principalTable: "Volunteer",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DeliberationInvitation_DeliberationDayId_VolunteerId",
                table: "DeliberationInvitation",
                columns: new[] { "DeliberationDayId", "VolunteerId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DeliberationInvitation_TeamId",
                table: "DeliberationInvitation",
                column: "TeamId");

            migrationBuilder.CreateIndex(
                name: "IX_DeliberationInvitation_VolunteerId",
                table: "DeliberationInvitation",
                column: "VolunteerId");

            migrationBuilder.CreateIndex(
                name: "IX_TeamMember_TeamId_VolunteerId",
                table: "TeamMember",
                columns: new[] { "TeamId", "VolunteerId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TeamMember_VolunteerId",
                table: "TeamMember",
                column: "VolunteerId");

            migrationBuilder.CreateIndex(
                name: "IX_VolunteerTeam_CommunityCode_Name",
                table: "VolunteerTeam",
                columns: new[] { "CommunityCode", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_VolunteerTeam_ThinkTankGroupId",
                table: "VolunteerTeam",
                column: "ThinkTankGroupId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DeliberationInvitation");

            migrationBuilder.DropTable(
                name: "TeamMember");

            migrationBuilder.DropTable(
                name: "VolunteerTeam");

            migrationBuilder.DropColumn(
                name: "DurationMinutes",
                table: "DeliberationDays");
        }
    }
}
