using CivicGrid.App.Data;
using CivicGrid.Core.People;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.People;

/// <summary>
/// Which residents a typed name or address matches (姓名、地址检索). Text of three characters or more matches anywhere in
/// the name or in the household's address, through a trigram index: pg_trgm on PostgreSQL, an FTS5 trigram table kept in
/// step by triggers on SQLite. One or two characters are too short for trigrams; they match the names that start with
/// them (a surname, a two-character surname, or a surname and the first character of the given name), through the
/// ordinary index on names, and no addresses.
/// </summary>
internal static class ResidentTextSearch
{
    public const int TrigramLength = 3;

    /// <summary>
    /// On PostgreSQL, addresses matched by more households than this (a road, a neighbourhood) are searched by checking each resident
    /// against the matched households, in name order, until a page and the count's limit are found; fewer are joined
    /// to their residents directly. Either way round is fast for its own case and slow for the other's.
    /// </summary>
    public const int BroadAddress = 1_000;

    /// <summary>The highest code point: every name that starts with the text sorts below the text followed by it.</summary>
    private const string Highest = "\U0010FFFF";

    public static async Task<IQueryable<Resident>> MatchingAsync(CivicGridDbContext db, IQueryable<Resident> residents, string text, CancellationToken ct)
    {
        if (text.EnumerateRunes().Count() < TrigramLength)
        {
            // A range on the name rather than LIKE 'x%': both engines' ordinary index serves it whatever the collation
            // of LIKE; the databases compare text by code point (SQLite's BINARY, PostgreSQL's C.UTF-8).
            var upper = text + Highest;
            return residents.Where(r => r.Name.CompareTo(text) >= 0 && r.Name.CompareTo(upper) < 0);
        }
        if (IsSqlite(db))
        {
            // SQLite runs a membership test on an FTS5 subquery once per resident: the matches are read once, always.
            var matched = SqliteUnion(db, text);
            return residents.Where(r => matched.Contains(r.Id));
        }
        var (names, households) = PostgresMatches(db, text);
        if (await households.Take(BroadAddress + 1).CountAsync(ct) > BroadAddress)
        {
            return residents.Where(r => names.Contains(r.Id) || households.Contains(r.HouseholdId));
        }
        var ids = names.Union(db.Residents.Where(r => households.Contains(r.HouseholdId)).Select(r => r.Id));
        return residents.Where(r => ids.Contains(r.Id));
    }

    private static bool IsSqlite(CivicGridDbContext db) =>
        db.Database.ProviderName?.EndsWith(".Sqlite", StringComparison.Ordinal) == true;

    /// <summary>
    /// The matched residents as one statement: SQLite runs a union composed by EF as a correlated subquery, once per
    /// resident, where this is read once.
    /// </summary>
    private static IQueryable<int> SqliteUnion(CivicGridDbContext db, string text)
    {
        var phrase = Phrase(text);
        return db.Database.SqlQuery<int>($"""
            SELECT rowid AS "Value" FROM "ResidentNameSearch" WHERE "ResidentNameSearch" MATCH {phrase}
            UNION
            SELECT "Id" FROM "Residents" WHERE "HouseholdId" IN (SELECT rowid FROM "HouseholdAddressSearch" WHERE "HouseholdAddressSearch" MATCH {phrase})
            """);
    }

    private static string Phrase(string text) => $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

    /// <summary>LIKE '%text%', which the pg_trgm GIN indexes on names and addresses serve.</summary>
    private static (IQueryable<int> Names, IQueryable<int?> Households) PostgresMatches(CivicGridDbContext db, string text)
    {
        var pattern = $"%{Escape(text)}%";
        return (db.Residents.Where(r => EF.Functions.Like(r.Name, pattern, "\\")).Select(r => r.Id),
            db.Households.Where(h => EF.Functions.Like(h.Address, pattern, "\\")).Select(h => (int?)h.Id));
    }

    private static string Escape(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
