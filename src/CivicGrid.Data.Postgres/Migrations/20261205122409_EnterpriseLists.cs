using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CivicGrid.Data.Postgres.Migrations
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Provider = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Description = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    CategoryCodes = table.Column<List<string>>(type: "text[]", nullable: false),
                    BusinessCommunityId = table.Column<int>(type: "integer", nullable: true),
                    BuildingId = table.Column<int>(type: "integer", nullable: true),
                    Latitude = table.Column<double>(type: "double precision", nullable: true),
                    Longitude = table.Column<double>(type: "double precision", nullable: true),
                    Places = table.Column<int>(type: "integer", nullable: true),
                    PlacesTaken = table.Column<int>(type: "integer", nullable: false),
                    CreditLine = table.Column<long>(type: "bigint", nullable: true),
                    CreditTaken = table.Column<long>(type: "bigint", nullable: false),
                    MinEmployees = table.Column<int>(type: "integer", nullable: true),
                    MaxEmployees = table.Column<int>(type: "integer", nullable: true),
                    Industries = table.Column<List<string>>(type: "text[]", nullable: false),
                    Active = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
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
                    Code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Description = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    TakesAmount = table.Column<bool>(type: "boolean", nullable: false),
                    Active = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NeedCategory", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "WishTheme",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Active = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WishTheme", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "EnterpriseNeed",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EnterpriseId = table.Column<int>(type: "integer", nullable: false),
                    CategoryCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Description = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Source = table.Column<int>(type: "integer", nullable: false),
                    RequestedAmount = table.Column<long>(type: "bigint", nullable: true),
                    Quantity = table.Column<int>(type: "integer", nullable: false),
                    BuildingId = table.Column<int>(type: "integer", nullable: true),
                    VisitId = table.Column<int>(type: "integer", nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    RaisedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RaisedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    OfferId = table.Column<int>(type: "integer", nullable: true),
                    HeldPlaces = table.Column<int>(type: "integer", nullable: false),
                    HeldAmount = table.Column<long>(type: "bigint", nullable: false),
                    MatchedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CaseId = table.Column<int>(type: "integer", nullable: true),
                    Outcome = table.Column<int>(type: "integer", nullable: true),
                    GrantedAmount = table.Column<long>(type: "bigint", nullable: true),
                    ResolvedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Rating = table.Column<int>(type: "integer", nullable: true),
                    RatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    BuildingId = table.Column<int>(type: "integer", nullable: false),
                    ThemeCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Text = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    NeedId = table.Column<int>(type: "integer", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Action = table.Column<int>(type: "integer", nullable: false),
                    From = table.Column<int>(type: "integer", nullable: false),
                    To = table.Column<int>(type: "integer", nullable: false),
                    Actor = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    OfferId = table.Column<int>(type: "integer", nullable: true),
                    Amount = table.Column<long>(type: "bigint", nullable: true)
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
