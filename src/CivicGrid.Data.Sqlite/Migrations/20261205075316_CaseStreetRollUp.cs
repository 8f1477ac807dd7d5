using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CivicGrid.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CaseStreetRollUp : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CaseMonthlyStreetStats",
                columns: table => new
                {
                    Month = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    ItemCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    DepartmentCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    StreetCode = table.Column<string>(type: "TEXT", maxLength: 9, nullable: false),
                    Received = table.Column<long>(type: "INTEGER", nullable: false),
                    RespondedOnTime = table.Column<long>(type: "INTEGER", nullable: false),
                    Accepted = table.Column<long>(type: "INTEGER", nullable: false),
                    Due = table.Column<long>(type: "INTEGER", nullable: false),
                    Resolved = table.Column<long>(type: "INTEGER", nullable: false),
                    Closed = table.Column<long>(type: "INTEGER", nullable: false),
                    ClosedOnTime = table.Column<long>(type: "INTEGER", nullable: false),
                    Reworked = table.Column<long>(type: "INTEGER", nullable: false),
                    Extended = table.Column<long>(type: "INTEGER", nullable: false),
                    Rated = table.Column<long>(type: "INTEGER", nullable: false),
                    Satisfied = table.Column<long>(type: "INTEGER", nullable: false),
                    BasicallySatisfied = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseMonthlyStreetStats", x => new { x.Month, x.StreetCode, x.ItemCode, x.DepartmentCode });
                });

            // The street roll-up of the cases already counted: the grid roll-up summed by street, in key order.
            migrationBuilder.Sql(@"INSERT INTO ""CaseMonthlyStreetStats"" (""Month"", ""StreetCode"", ""ItemCode"", ""DepartmentCode"", ""Received"", ""RespondedOnTime"", ""Accepted"", ""Due"", ""Resolved"", ""Closed"", ""ClosedOnTime"", ""Reworked"", ""Extended"", ""Rated"", ""Satisfied"", ""BasicallySatisfied"")
SELECT ""Month"", substr(""GridCode"", 1, 9), ""ItemCode"", ""DepartmentCode"", sum(""Received""), sum(""RespondedOnTime""), sum(""Accepted""), sum(""Due""), sum(""Resolved""), sum(""Closed""), sum(""ClosedOnTime""), sum(""Reworked""), sum(""Extended""), sum(""Rated""), sum(""Satisfied""), sum(""BasicallySatisfied"")
FROM ""CaseMonthlyStats"" GROUP BY ""Month"", substr(""GridCode"", 1, 9), ""ItemCode"", ""DepartmentCode""
ORDER BY ""Month"", substr(""GridCode"", 1, 9), ""ItemCode"", ""DepartmentCode""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CaseMonthlyStreetStats");
        }
    }
}
