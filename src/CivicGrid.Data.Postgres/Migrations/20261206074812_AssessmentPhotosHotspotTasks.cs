using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CivicGrid.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class AssessmentPhotosHotspotTasks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Cases_ReceivedAt",
                table: "Cases");

            migrationBuilder.AddColumn<int>(
                name: "ProgressId",
                table: "CaseAttachments",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AssessmentSchemes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Level = table.Column<int>(type: "integer", nullable: false),
                    PublishedVersion = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssessmentSchemes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "HotspotTasks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ItemCode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    GridCode = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: false),
                    CaseId = table.Column<int>(type: "integer", nullable: false),
                    CaseCount = table.Column<int>(type: "integer", nullable: false),
                    Latitude = table.Column<double>(type: "double precision", nullable: false),
                    Longitude = table.Column<double>(type: "double precision", nullable: false),
                    OpenedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HotspotTasks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HotspotTasks_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AssessmentAdjustments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SchemeId = table.Column<int>(type: "integer", nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "date", nullable: false),
                    UnitCode = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: false),
                    Points = table.Column<decimal>(type: "numeric(6,2)", precision: 6, scale: 2, nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Evidence = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    RecordedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssessmentAdjustments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AssessmentAdjustments_AssessmentSchemes_SchemeId",
                        column: x => x.SchemeId,
                        principalTable: "AssessmentSchemes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AssessmentSchemeVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SchemeId = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Definition = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    Author = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssessmentSchemeVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AssessmentSchemeVersions_AssessmentSchemes_SchemeId",
                        column: x => x.SchemeId,
                        principalTable: "AssessmentSchemes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AssessmentReviews",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SchemeVersionId = table.Column<int>(type: "integer", nullable: false),
                    PeriodKind = table.Column<int>(type: "integer", nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    CorrectsReviewId = table.Column<int>(type: "integer", nullable: true),
                    ComputedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ComputedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    PublishedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    PublishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssessmentReviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AssessmentReviews_AssessmentReviews_CorrectsReviewId",
                        column: x => x.CorrectsReviewId,
                        principalTable: "AssessmentReviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AssessmentReviews_AssessmentSchemeVersions_SchemeVersionId",
                        column: x => x.SchemeVersionId,
                        principalTable: "AssessmentSchemeVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AssessmentObjections",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ReviewId = table.Column<int>(type: "integer", nullable: false),
                    UnitCode = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: false),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    FiledBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    FiledAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Reply = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    AnsweredBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    AnsweredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssessmentObjections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AssessmentObjections_AssessmentReviews_ReviewId",
                        column: x => x.ReviewId,
                        principalTable: "AssessmentReviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AssessmentResults",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ReviewId = table.Column<int>(type: "integer", nullable: false),
                    UnitCode = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: false),
                    UnitName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Total = table.Column<decimal>(type: "numeric(7,2)", precision: 7, scale: 2, nullable: false),
                    Stars = table.Column<int>(type: "integer", nullable: false),
                    Colour = table.Column<int>(type: "integer", nullable: false),
                    Rank = table.Column<int>(type: "integer", nullable: false),
                    List = table.Column<int>(type: "integer", nullable: false),
                    Lines = table.Column<string>(type: "character varying(50000)", maxLength: 50000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssessmentResults", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AssessmentResults_AssessmentReviews_ReviewId",
                        column: x => x.ReviewId,
                        principalTable: "AssessmentReviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_ReceivedAt_Figures",
                table: "Cases",
                columns: new[] { "ReceivedAt", "ItemCode", "GridCode", "Status", "Latitude", "Longitude", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseAttachments_ProgressId",
                table: "CaseAttachments",
                column: "ProgressId");

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentAdjustments_SchemeId_PeriodStart",
                table: "AssessmentAdjustments",
                columns: new[] { "SchemeId", "PeriodStart" });

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentObjections_ReviewId_UnitCode",
                table: "AssessmentObjections",
                columns: new[] { "ReviewId", "UnitCode" });

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentResults_ReviewId_UnitCode",
                table: "AssessmentResults",
                columns: new[] { "ReviewId", "UnitCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentResults_UnitCode_ReviewId",
                table: "AssessmentResults",
                columns: new[] { "UnitCode", "ReviewId" });

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentReviews_CorrectsReviewId",
                table: "AssessmentReviews",
                column: "CorrectsReviewId");

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentReviews_SchemeVersionId_PeriodStart",
                table: "AssessmentReviews",
                columns: new[] { "SchemeVersionId", "PeriodStart" });

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentSchemeVersions_SchemeId_Version",
                table: "AssessmentSchemeVersions",
                columns: new[] { "SchemeId", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_HotspotTasks_CaseId",
                table: "HotspotTasks",
                column: "CaseId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_HotspotTasks_GridCode_ItemCode",
                table: "HotspotTasks",
                columns: new[] { "GridCode", "ItemCode" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AssessmentAdjustments");

            migrationBuilder.DropTable(
                name: "AssessmentObjections");

            migrationBuilder.DropTable(
                name: "AssessmentResults");

            migrationBuilder.DropTable(
                name: "HotspotTasks");

            migrationBuilder.DropTable(
                name: "AssessmentReviews");

            migrationBuilder.DropTable(
                name: "AssessmentSchemeVersions");

            migrationBuilder.DropTable(
                name: "AssessmentSchemes");

            migrationBuilder.DropIndex(
                name: "IX_Cases_ReceivedAt_Figures",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_CaseAttachments_ProgressId",
                table: "CaseAttachments");

            migrationBuilder.DropColumn(
                name: "ProgressId",
                table: "CaseAttachments");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_ReceivedAt",
                table: "Cases",
                column: "ReceivedAt");
        }
    }
}
