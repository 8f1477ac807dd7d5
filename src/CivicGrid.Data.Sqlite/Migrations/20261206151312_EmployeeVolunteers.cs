using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CivicGrid.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class EmployeeVolunteers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<int>(
                name: "ResidentId",
                table: "Volunteer",
                type: "INTEGER",
                nullable: true,
                oldClrType: typeof(int),
                oldType: "INTEGER");

            migrationBuilder.AddColumn<int>(
                name: "EnterpriseId",
                table: "Volunteer",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "PhoneCipher",
                table: "Volunteer",
                type: "BLOB",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PhoneHash",
                table: "Volunteer",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PhoneMasked",
                table: "Volunteer",
                type: "TEXT",
                maxLength: 11,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Volunteer_EnterpriseId_PhoneHash",
                table: "Volunteer",
                columns: new[] { "EnterpriseId", "PhoneHash" });

            migrationBuilder.AddCheckConstraint(
                name: "CK_Volunteers_ResidentOrEnterprise",
                table: "Volunteer",
                sql: "(\"ResidentId\" IS NULL) <> (\"EnterpriseId\" IS NULL)");

            migrationBuilder.AddForeignKey(
                name: "FK_Volunteer_Enterprises_EnterpriseId",
                table: "Volunteer",
                column: "EnterpriseId",
                principalTable: "Enterprises",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Volunteer_Enterprises_EnterpriseId",
                table: "Volunteer");

            migrationBuilder.DropIndex(
                name: "IX_Volunteer_EnterpriseId_PhoneHash",
                table: "Volunteer");

            migrationBuilder.DropCheckConstraint(
                name: "CK_Volunteers_ResidentOrEnterprise",
                table: "Volunteer");

            migrationBuilder.DropColumn(
                name: "EnterpriseId",
                table: "Volunteer");

            migrationBuilder.DropColumn(
                name: "PhoneCipher",
                table: "Volunteer");

            migrationBuilder.DropColumn(
                name: "PhoneHash",
                table: "Volunteer");

            migrationBuilder.DropColumn(
                name: "PhoneMasked",
                table: "Volunteer");

            migrationBuilder.AlterColumn<int>(
                name: "ResidentId",
                table: "Volunteer",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0,
                oldClrType: typeof(int),
                oldType: "INTEGER",
                oldNullable: true);
        }
    }
}
