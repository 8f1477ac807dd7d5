using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CivicGrid.Data.Postgres.Migrations
{
    /// <summary>
    /// Trigram search of residents' names and households' addresses: pg_trgm GIN indexes serve LIKE '%text%'. Written
    /// by hand: the model is shared by both engines and has no place for an operator class. pg_trgm is a trusted
    /// extension (PostgreSQL 13 and later): the database's owner may create it.
    /// </summary>
    public partial class ResidentSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS pg_trgm;");
            migrationBuilder.Sql("CREATE INDEX \"IX_Residents_Name_Trigram\" ON \"Residents\" USING gin (\"Name\" gin_trgm_ops);");
            migrationBuilder.Sql("CREATE INDEX \"IX_Households_Address_Trigram\" ON \"Households\" USING gin (\"Address\" gin_trgm_ops);");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX IF EXISTS \"IX_Households_Address_Trigram\";");
            migrationBuilder.Sql("DROP INDEX IF EXISTS \"IX_Residents_Name_Trigram\";");
        }
    }
}
