using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CivicGrid.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ContactSignUpsVisitPhotosKeyTaxIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "VisitId",
                table: "CaseAttachments",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ContactSignUp",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EnterpriseId = table.Column<int>(type: "integer", nullable: false),
                    ScopeCode = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: false),
                    BusinessCommunityId = table.Column<int>(type: "integer", nullable: true),
                    Name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    PhoneCipher = table.Column<byte[]>(type: "bytea", nullable: true),
                    PhoneMasked = table.Column<string>(type: "character varying(11)", maxLength: 11, nullable: true),
                    EmailCipher = table.Column<byte[]>(type: "bytea", nullable: true),
                    EmailMasked = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ContactHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DecidedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    Note = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContactSignUp", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContactSignUp_Enterprises_EnterpriseId",
                        column: x => x.EnterpriseId,
                        principalTable: "Enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Enterprises_IsKeyTaxSource_GridCode",
                table: "Enterprises",
                columns: new[] { "IsKeyTaxSource", "GridCode" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseAttachments_VisitId",
                table: "CaseAttachments",
                column: "VisitId");

            migrationBuilder.CreateIndex(
                name: "IX_ContactSignUp_EnterpriseId_ContactHash",
                table: "ContactSignUp",
                columns: new[] { "EnterpriseId", "ContactHash" });

            migrationBuilder.CreateIndex(
                name: "IX_ContactSignUp_Status_ScopeCode",
                table: "ContactSignUp",
                columns: new[] { "Status", "ScopeCode" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ContactSignUp");

            migrationBuilder.DropIndex(
                name: "IX_Enterprises_IsKeyTaxSource_GridCode",
                table: "Enterprises");

            migrationBuilder.DropIndex(
                name: "IX_CaseAttachments_VisitId",
                table: "CaseAttachments");

            migrationBuilder.DropColumn(
                name: "VisitId",
                table: "CaseAttachments");
        }
    }
}
