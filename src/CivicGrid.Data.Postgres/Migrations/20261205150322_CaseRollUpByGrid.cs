using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CivicGrid.Data.Postgres.Migrations
{
    /// <summary>
    /// The grid roll-up by place first: a street's or a community's report reads its grids' rows (`GridCode LIKE
    /// 'code%'`) instead of every grid's rows for the months (the primary key starts with the month). A plain b-tree
    /// serves LIKE only under the C collation; `text_pattern_ops` serves it under any. Written by hand: the model is
    /// shared by both engines and has no place for an operator class; SQLite's LIKE ignores case and uses no index.
    /// </summary>
    public partial class CaseRollUpByGrid : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("CREATE INDEX \"IX_CaseMonthlyStats_GridCode_Month\" ON \"CaseMonthlyStats\" (\"GridCode\" text_pattern_ops, \"Month\");");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX IF EXISTS \"IX_CaseMonthlyStats_GridCode_Month\";");
        }
    }
}
