using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CivicGrid.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ResidentSignUp : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PhoneCode",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PhoneHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Purpose = table.Column<int>(type: "integer", nullable: false),
                    CodeHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    UsedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ClientAddress = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PhoneCode", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ResidentSignUp",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    PhoneHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    PhoneCipher = table.Column<byte[]>(type: "bytea", nullable: false),
                    PhoneMasked = table.Column<string>(type: "character varying(11)", maxLength: 11, nullable: false),
                    Name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    IdNumberHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    IdNumberCipher = table.Column<byte[]>(type: "bytea", nullable: false),
                    IdNumberMasked = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    ScopeCode = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    ResidentId = table.Column<int>(type: "integer", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DecidedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResidentSignUp", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PhoneCode_ClientAddress_CreatedAt",
                table: "PhoneCode",
                columns: new[] { "ClientAddress", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PhoneCode_PhoneHash_CreatedAt",
                table: "PhoneCode",
                columns: new[] { "PhoneHash", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ResidentSignUp_IdNumberHash",
                table: "ResidentSignUp",
                column: "IdNumberHash");

            migrationBuilder.CreateIndex(
                name: "IX_ResidentSignUp_PhoneHash",
                table: "ResidentSignUp",
                column: "PhoneHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ResidentSignUp_Status_ScopeCode",
                table: "ResidentSignUp",
                columns: new[] { "Status", "ScopeCode" });

            migrationBuilder.CreateIndex(
                name: "IX_ResidentSignUp_UserId",
                table: "ResidentSignUp",
                column: "UserId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PhoneCode");

            migrationBuilder.DropTable(
                name: "ResidentSignUp");
        }
    }
}
