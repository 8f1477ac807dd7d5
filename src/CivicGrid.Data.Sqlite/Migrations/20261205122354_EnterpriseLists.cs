using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CivicGrid.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class EnterpriseLists : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CommunityOffer",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Provider = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    CategoryCodes = table.Column<string>(type: "TEXT", nullable: false),
                    BusinessCommunityId = table.Column<int>(type: "INTEGER", nullable: true),
                    BuildingId = table.Column<int>(type: "INTEGER", nullable: true),
                    Latitude = table.Column<double>(type: "REAL", nullable: true),
                    Longitude = table.Column<double>(type: "REAL", nullable: true),
                    Places = table.Column<int>(type: "INTEGER", nullable: true),
                    PlacesTaken = table.Column<int>(type: "INTEGER", nullable: false),
                    CreditLine = table.Column<long>(type: "INTEGER", nullable: true),
                    CreditTaken = table.Column<long>(type: "INTEGER", nullable: false),
                    MinEmployees = table.Column<int>(type: "INTEGER", nullable: true),
                    MaxEmployees = table.Column<int>(type: "INTEGER", nullable: true),
                    Industries = table.Column<string>(type: "TEXT", nullable: false),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommunityOffer", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CommunityOffer_Buildings_BuildingId",
                        column: x => x.BuildingId,
                        principalTable: "Buildings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_CommunityOffer_BusinessCommunities_BusinessCommunityId",
                        column: x => x.BusinessCommunityId,
                        principalTable: "BusinessCommunities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "NeedCategory",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    TakesAmount = table.Column<bool>(type: "INTEGER", nullable: false),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NeedCategory", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "WishTheme",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WishTheme", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "EnterpriseNeed",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EnterpriseId = table.Column<int>(type: "INTEGER", nullable: false),
                    CategoryCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Source = table.Column<int>(type: "INTEGER", nullable: false),
                    RequestedAmount = table.Column<long>(type: "INTEGER", nullable: true),
                    Quantity = table.Column<int>(type: "INTEGER", nullable: false),
                    BuildingId = table.Column<int>(type: "INTEGER", nullable: true),
                    VisitId = table.Column<int>(type: "INTEGER", nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    RaisedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RaisedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    OfferId = table.Column<int>(type: "INTEGER", nullable: true),
                    HeldPlaces = table.Column<int>(type: "INTEGER", nullable: false),
                    HeldAmount = table.Column<long>(type: "INTEGER", nullable: false),
                    MatchedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CaseId = table.Column<int>(type: "INTEGER", nullable: true),
                    Outcome = table.Column<int>(type: "INTEGER", nullable: true),
                    GrantedAmount = table.Column<long>(type: "INTEGER", nullable: true),
                    ResolvedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Rating = table.Column<int>(type: "INTEGER", nullable: true),
                    RatedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EnterpriseNeed", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EnterpriseNeed_CommunityOffer_OfferId",
                        column: x => x.OfferId,
                        principalTable: "CommunityOffer",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EnterpriseNeed_Enterprises_EnterpriseId",
                        column: x => x.EnterpriseId,
                        principalTable: "Enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EnterpriseNeed_NeedCategory_CategoryCode",
                        column: x => x.CategoryCode,
                        principalTable: "NeedCategory",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "EmployeeWish",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BuildingId = table.Column<int>(type: "INTEGER", nullable: false),
                    ThemeCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EmployeeWish", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EmployeeWish_Buildings_BuildingId",
                        column: x => x.BuildingId,
                        principalTable: "Buildings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_EmployeeWish_WishTheme_ThemeCode",
                        column: x => x.ThemeCode,
                        principalTable: "WishTheme",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "NeedEvent",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    NeedId = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Action = table.Column<int>(type: "INTEGER", nullable: false),
                    From = table.Column<int>(type: "INTEGER", nullable: false),
                    To = table.Column<int>(type: "INTEGER", nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    OfferId = table.Column<int>(type: "INTEGER", nullable: true),
                    Amount = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NeedEvent", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NeedEvent_EnterpriseNeed_NeedId",
                        column: x => x.NeedId,
                        principalTable: "EnterpriseNeed",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CommunityOffer_Active_BusinessCommunityId",
                table: "CommunityOffer",
                columns: new[] { "Active", "BusinessCommunityId" });

            migrationBuilder.CreateIndex(
                name: "IX_CommunityOffer_BuildingId",
                table: "CommunityOffer",
                column: "BuildingId");

            migrationBuilder.CreateIndex(
                name: "IX_CommunityOffer_BusinessCommunityId",
                table: "CommunityOffer",
                column: "BusinessCommunityId");

            migrationBuilder.CreateIndex(
                name: "IX_EmployeeWish_BuildingId_ThemeCode",
                table: "EmployeeWish",
                columns: new[] { "BuildingId", "ThemeCode" });

            migrationBuilder.CreateIndex(
                name: "IX_EmployeeWish_ThemeCode",
                table: "EmployeeWish",
                column: "ThemeCode");

            migrationBuilder.CreateIndex(
                name: "IX_EnterpriseNeed_CategoryCode",
                table: "EnterpriseNeed",
                column: "CategoryCode");

            migrationBuilder.CreateIndex(
                name: "IX_EnterpriseNeed_EnterpriseId_Status",
                table: "EnterpriseNeed",
                columns: new[] { "EnterpriseId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_EnterpriseNeed_OfferId",
                table: "EnterpriseNeed",
                column: "OfferId");

            migrationBuilder.CreateIndex(
                name: "IX_EnterpriseNeed_Status_CategoryCode_RaisedAt",
                table: "EnterpriseNeed",
                columns: new[] { "Status", "CategoryCode", "RaisedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_NeedEvent_NeedId",
                table: "NeedEvent",
                column: "NeedId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EmployeeWish");

            migrationBuilder.DropTable(
                name: "NeedEvent");

            migrationBuilder.DropTable(
                name: "WishTheme");

            migrationBuilder.DropTable(
                name: "EnterpriseNeed");

            migrationBuilder.DropTable(
                name: "CommunityOffer");

            migrationBuilder.DropTable(
                name: "NeedCategory");
        }
    }
}
