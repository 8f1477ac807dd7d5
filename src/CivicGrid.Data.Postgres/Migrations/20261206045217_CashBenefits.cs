using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CivicGrid.Data.Postgres.Migrations
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ServiceItemId = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    TiersJson = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    Period = table.Column<int>(type: "integer", nullable: false),
                    Start = table.Column<int>(type: "integer", nullable: false),
                    EffectiveFrom = table.Column<int>(type: "integer", nullable: false),
                    ArrearsMonths = table.Column<int>(type: "integer", nullable: false),
                    StopsOnMoveOut = table.Column<bool>(type: "boolean", nullable: false),
                    Author = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
                    ResidentId = table.Column<int>(type: "integer", nullable: false),
                    GridCode = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: false),
                    BankName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    AccountCipher = table.Column<byte[]>(type: "bytea", nullable: false),
                    AccountMasked = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ServiceItemId = table.Column<int>(type: "integer", nullable: false),
                    StreetCode = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    Month = table.Column<int>(type: "integer", nullable: false),
                    ScheduleVersion = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    LineCount = table.Column<int>(type: "integer", nullable: false),
                    TotalFen = table.Column<long>(type: "bigint", nullable: false),
                    BuiltAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    StreetApprovedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    StreetApprovedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DistrictApprovedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    DistrictApprovedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ExportedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ExportedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ExportChecksum = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ClosedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SentBackReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PaymentListId = table.Column<int>(type: "integer", nullable: false),
                    ServiceItemId = table.Column<int>(type: "integer", nullable: false),
                    ResidentId = table.Column<int>(type: "integer", nullable: false),
                    GridCode = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: false),
                    Period = table.Column<int>(type: "integer", nullable: false),
                    FromMonth = table.Column<int>(type: "integer", nullable: false),
                    ToMonth = table.Column<int>(type: "integer", nullable: false),
                    AmountFen = table.Column<long>(type: "bigint", nullable: false),
                    Arrears = table.Column<bool>(type: "boolean", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    FailureReason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    PaidOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Overpaid = table.Column<bool>(type: "boolean", nullable: false),
                    FixedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    FixedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
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
