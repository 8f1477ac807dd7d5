using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CivicGrid.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CashBenefits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "BenefitSchedules",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ServiceItemId = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    TiersJson = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    Period = table.Column<int>(type: "INTEGER", nullable: false),
                    Start = table.Column<int>(type: "INTEGER", nullable: false),
                    EffectiveFrom = table.Column<int>(type: "INTEGER", nullable: false),
                    ArrearsMonths = table.Column<int>(type: "INTEGER", nullable: false),
                    StopsOnMoveOut = table.Column<bool>(type: "INTEGER", nullable: false),
                    Author = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BenefitSchedules", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BenefitSchedules_ServiceItems_ServiceItemId",
                        column: x => x.ServiceItemId,
                        principalTable: "ServiceItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PayeeAccounts",
                columns: table => new
                {
                    ResidentId = table.Column<int>(type: "INTEGER", nullable: false),
                    GridCode = table.Column<string>(type: "TEXT", maxLength: 15, nullable: false),
                    BankName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    AccountCipher = table.Column<byte[]>(type: "BLOB", nullable: false),
                    AccountMasked = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PayeeAccounts", x => x.ResidentId);
                    table.ForeignKey(
                        name: "FK_PayeeAccounts_Residents_ResidentId",
                        column: x => x.ResidentId,
                        principalTable: "Residents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PaymentLists",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ServiceItemId = table.Column<int>(type: "INTEGER", nullable: false),
                    StreetCode = table.Column<string>(type: "TEXT", maxLength: 9, nullable: false),
                    Month = table.Column<int>(type: "INTEGER", nullable: false),
                    ScheduleVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    LineCount = table.Column<int>(type: "INTEGER", nullable: false),
                    TotalFen = table.Column<long>(type: "INTEGER", nullable: false),
                    BuiltAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    StreetApprovedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    StreetApprovedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DistrictApprovedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    DistrictApprovedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ExportedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ExportedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ExportChecksum = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ClosedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SentBackReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PaymentLists", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PaymentLists_ServiceItems_ServiceItemId",
                        column: x => x.ServiceItemId,
                        principalTable: "ServiceItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PaymentLines",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PaymentListId = table.Column<int>(type: "INTEGER", nullable: false),
                    ServiceItemId = table.Column<int>(type: "INTEGER", nullable: false),
                    ResidentId = table.Column<int>(type: "INTEGER", nullable: false),
                    GridCode = table.Column<string>(type: "TEXT", maxLength: 15, nullable: false),
                    Period = table.Column<int>(type: "INTEGER", nullable: false),
                    FromMonth = table.Column<int>(type: "INTEGER", nullable: false),
                    ToMonth = table.Column<int>(type: "INTEGER", nullable: false),
                    AmountFen = table.Column<long>(type: "INTEGER", nullable: false),
                    Arrears = table.Column<bool>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    FailureReason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    PaidOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Overpaid = table.Column<bool>(type: "INTEGER", nullable: false),
                    FixedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FixedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PaymentLines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PaymentLines_PaymentLists_PaymentListId",
                        column: x => x.PaymentListId,
                        principalTable: "PaymentLists",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PaymentLines_Residents_ResidentId",
                        column: x => x.ResidentId,
                        principalTable: "Residents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BenefitSchedules_ServiceItemId_Version",
                table: "BenefitSchedules",
                columns: new[] { "ServiceItemId", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PaymentLines_GridCode_Status",
                table: "PaymentLines",
                columns: new[] { "GridCode", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_PaymentLines_PaymentListId_Status",
                table: "PaymentLines",
                columns: new[] { "PaymentListId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_PaymentLines_ResidentId_ServiceItemId",
                table: "PaymentLines",
                columns: new[] { "ResidentId", "ServiceItemId" });

            migrationBuilder.CreateIndex(
                name: "UX_PaymentLines_OncePerPeriod",
                table: "PaymentLines",
                columns: new[] { "ServiceItemId", "ResidentId", "Period" },
                unique: true,
                filter: "\"Status\" <> 2");

            migrationBuilder.CreateIndex(
                name: "IX_PaymentLists_Month_StreetCode",
                table: "PaymentLists",
                columns: new[] { "Month", "StreetCode" });

            migrationBuilder.CreateIndex(
                name: "IX_PaymentLists_ServiceItemId_StreetCode_Month",
                table: "PaymentLists",
                columns: new[] { "ServiceItemId", "StreetCode", "Month" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BenefitSchedules");

            migrationBuilder.DropTable(
                name: "PayeeAccounts");

            migrationBuilder.DropTable(
                name: "PaymentLines");

            migrationBuilder.DropTable(
                name: "PaymentLists");
        }
    }
}
