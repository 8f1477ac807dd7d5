using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CivicGrid.Data.Sqlite.Migrations
{
    /// <summary>
    /// Trigram search of residents' names and households' addresses: FTS5 tables over the rows (external content), kept
    /// in step by triggers, so that every writer (the change tracker, bulk imports, raw SQL) updates them. Written by
    /// hand: the EF model does not know virtual tables or triggers.
    /// </summary>
    public partial class ResidentSearch : Migration
    {
        private static readonly (string Search, string Table, string Column)[] Searches =
        [
            ("ResidentNameSearch", "Residents", "Name"),
            ("HouseholdAddressSearch", "Households", "Address"),
        ];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var (search, table, column) in Searches)
            {
                migrationBuilder.Sql($"CREATE VIRTUAL TABLE \"{search}\" USING fts5(\"{column}\", content='{table}', content_rowid='Id', tokenize='trigram');");
                migrationBuilder.Sql($"INSERT INTO \"{search}\"(\"{search}\") VALUES ('rebuild');");
                migrationBuilder.Sql($"""
                    CREATE TRIGGER "{table}_{search}_Insert" AFTER INSERT ON "{table}" BEGIN
                        INSERT INTO "{search}"(rowid, "{column}") VALUES (new."Id", new."{column}");
                    END;
                    """);
                migrationBuilder.Sql($"""
                    CREATE TRIGGER "{table}_{search}_Delete" AFTER DELETE ON "{table}" BEGIN
                        INSERT INTO "{search}"("{search}", rowid, "{column}") VALUES ('delete', old."Id", old."{column}");
                    END;
                    """);
                migrationBuilder.Sql($"""
                    CREATE TRIGGER "{table}_{search}_Update" AFTER UPDATE OF "{column}" ON "{table}" BEGIN
                        INSERT INTO "{search}"("{search}", rowid, "{column}") VALUES ('delete', old."Id", old."{column}");
                        INSERT INTO "{search}"(rowid, "{column}") VALUES (new."Id", new."{column}");
                    END;
                    """);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var (search, table, _) in Searches)
            {
                foreach (var change in new[] { "Insert", "Delete", "Update" })
                {
                    migrationBuilder.Sql($"DROP TRIGGER IF EXISTS \"{table}_{search}_{change}\";");
                }
                migrationBuilder.Sql($"DROP TABLE IF EXISTS \"{search}\";");
            }
        }
    }
}
