using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CivicGrid.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ChallengesAndAddressAlignment : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AlignmentFollowUp",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EnterpriseId = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AlignedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AlignmentFollowUp", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AlignmentFollowUp_Enterprises_EnterpriseId",
                        column: x => x.EnterpriseId,
                        principalTable: "Enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Challenge",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Reward = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    RewardAmount = table.Column<long>(type: "INTEGER", nullable: true),
                    EnterpriseId = table.Column<int>(type: "INTEGER", nullable: true),
                    BusinessCommunityId = table.Column<int>(type: "INTEGER", nullable: true),
                    NeedId = table.Column<int>(type: "INTEGER", nullable: true),
                    ClaimByUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PublishedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    ClaimedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    SolverName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    SolverKind = table.Column<int>(type: "INTEGER", nullable: true),
                    SolverEnterpriseId = table.Column<int>(type: "INTEGER", nullable: true),
                    ClaimedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Delivery = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    DeliveredAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RejectionCount = table.Column<int>(type: "INTEGER", nullable: false),
                    Score = table.Column<int>(type: "INTEGER", nullable: true),
                    Evaluation = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    EvaluatedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    EvaluatedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    WithdrawalReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Challenge", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Challenge_BusinessCommunities_BusinessCommunityId",
                        column: x => x.BusinessCommunityId,
                        principalTable: "BusinessCommunities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Challenge_EnterpriseNeed_NeedId",
                        column: x => x.NeedId,
                        principalTable: "EnterpriseNeed",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Challenge_Enterprises_EnterpriseId",
                        column: x => x.EnterpriseId,
                        principalTable: "Enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Challenge_Enterprises_SolverEnterpriseId",
                        column: x => x.SolverEnterpriseId,
                        principalTable: "Enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AlignmentStep",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FollowUpId = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Action = table.Column<int>(type: "INTEGER", nullable: false),
                    From = table.Column<int>(type: "INTEGER", nullable: false),
                    To = table.Column<int>(type: "INTEGER", nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AlignmentStep", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AlignmentStep_AlignmentFollowUp_FollowUpId",
                        column: x => x.FollowUpId,
                        principalTable: "AlignmentFollowUp",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ChallengeEvent",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ChallengeId = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Action = table.Column<int>(type: "INTEGER", nullable: false),
                    To = table.Column<int>(type: "INTEGER", nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChallengeEvent", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChallengeEvent_Challenge_ChallengeId",
                        column: x => x.ChallengeId,
                        principalTable: "Challenge",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AlignmentFollowUp_EnterpriseId",
                table: "AlignmentFollowUp",
                column: "EnterpriseId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AlignmentFollowUp_Status",
                table: "AlignmentFollowUp",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_AlignmentStep_FollowUpId",
                table: "AlignmentStep",
                column: "FollowUpId");

            migrationBuilder.CreateIndex(
                name: "IX_Challenge_BusinessCommunityId_Status_PublishedAt",
                table: "Challenge",
                columns: new[] { "BusinessCommunityId", "Status", "PublishedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Challenge_EnterpriseId",
                table: "Challenge",
                column: "EnterpriseId");

            migrationBuilder.CreateIndex(
                name: "IX_Challenge_NeedId",
                table: "Challenge",
                column: "NeedId");

            migrationBuilder.CreateIndex(
                name: "IX_Challenge_SolverEnterpriseId",
                table: "Challenge",
                column: "SolverEnterpriseId");

            migrationBuilder.CreateIndex(
                name: "IX_ChallengeEvent_ChallengeId",
                table: "ChallengeEvent",
                column: "ChallengeId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AlignmentStep");

            migrationBuilder.DropTable(
                name: "ChallengeEvent");

            migrationBuilder.DropTable(
                name: "AlignmentFollowUp");

            migrationBuilder.DropTable(
                name: "Challenge");
        }
    }
}
