using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CivicGrid.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class EncryptedStaffPhones : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<byte[]>(
                name: "PhoneCipher",
                table: "AspNetUsers",
                type: "BLOB",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PhoneHash",
                table: "AspNetUsers",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PhoneMasked",
                table: "AspNetUsers",
                type: "TEXT",
                maxLength: 11,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_PhoneHash",
                table: "AspNetUsers",
                column: "PhoneHash");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_PhoneHash",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "PhoneCipher",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "PhoneHash",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "PhoneMasked",
                table: "AspNetUsers");
        }
    }
}
