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
    /// Addresses matched by more households than this (a road, a neighbourhood) are searched by checking each resident
    /// against the matched households, in name order, until a page is found (on PostgreSQL, the count's limit too); fewer are
    /// joined to their residents directly. Either way round is fast for its own case and slow for the other's.
    /// </summary>
    public const int BroadAddress = 1_000;

    /// <summary>The highest code point: every name that starts with the text sorts below the text followed by it.</summary>
    private const string Highest = "\U0010FFFF";

    /// <param name="wholeDistrict">The search covers every resident of the district, so a broad address's matches are dense among the names.</param>
    public static async Task<ResidentMatches> MatchingAsync(CivicGridDbContext db, IQueryable<Resident> residents, string text, bool wholeDistrict, CancellationToken ct)
    {
        if (text.EnumerateRunes().Count() < TrigramLength)
        {
            // A range on the name rather than LIKE 'x%': both engines' ordinary index serves it whatever the collation
            // of LIKE; the databases compare text by code point (SQLite's BINARY, PostgreSQL's C.UTF-8).
            var upper = text + Highest;
            return new ResidentMatches(residents.Where(r => r.Name.CompareTo(text) >= 0 && r.Name.CompareTo(upper) < 0));
        }
        return IsSqlite(db) ? await SqliteMatchesAsync(db, residents, text, wholeDistrict, ct) : await PostgresMatchesAsync(db, residents, text, ct);
    }

    /// <summary>
    /// SQLite reads the matched residents once, as one statement (a union composed by EF runs as a correlated subquery,
    /// once per resident). For a broad address the page in name order walks the name index and looks each resident up
    /// in the matches, instead of reading and sorting every match; the count still starts from the matches. Over a
    /// street or a grid the matches may be sparse among the names, and the walk would read most of them.
    /// </summary>
    private static async Task<ResidentMatches> SqliteMatchesAsync(
        CivicGridDbContext db, IQueryable<Resident> residents, string text, bool wholeDistrict, CancellationToken ct)
    {
        var phrase = Phrase(text);
        var matched = SqliteUnion(db, phrase);
        var all = residents.Where(r => matched.Contains(r.Id));
        if (!wholeDistrict)
        {
            return new ResidentMatches(all);
        }
        var households = db.Database.SqlQuery<int>($"""SELECT rowid AS "Value" FROM "HouseholdAddressSearch" WHERE "HouseholdAddressSearch" MATCH {phrase}""");
        if (await households.Take(BroadAddress + 1).CountAsync(ct) <= BroadAddress)
        {
            return new ResidentMatches(all);
        }
        // "+ 0" keeps SQLite from driving the query by the id list, so it follows the name index.
        return new ResidentMatches(all, residents.Where(r => matched.Contains(r.Id + 0)));
    }

    private static async Task<ResidentMatches> PostgresMatchesAsync(CivicGridDbContext db, IQueryable<Resident> residents, string text, CancellationToken ct)
    {
        var (names, households) = PostgresMatches(db, text);
        if (await households.Take(BroadAddress + 1).CountAsync(ct) > BroadAddress)
        {
            return new ResidentMatches(residents.Where(r => names.Contains(r.Id) || households.Contains(r.HouseholdId)));
        }
        var ids = names.Union(db.Residents.Where(r => households.Contains(r.HouseholdId)).Select(r => r.Id));
        return new ResidentMatches(residents.Where(r => ids.Contains(r.Id)));
    }

    private static bool IsSqlite(CivicGridDbContext db) =>
        db.Database.ProviderName?.EndsWith(".Sqlite", StringComparison.Ordinal) == true;

    /// <summary>
    /// The matched residents as one statement: SQLite runs a union composed by EF as a correlated subquery, once per
    /// resident, where this is read once.
    /// </summary>
    private static IQueryable<int> SqliteUnion(CivicGridDbContext db, string phrase) =>
        db.Database.SqlQuery<int>($"""
            SELECT rowid AS "Value" FROM "ResidentNameSearch" WHERE "ResidentNameSearch" MATCH {phrase}
            UNION
            SELECT "Id" FROM "Residents" WHERE "HouseholdId" IN (SELECT rowid FROM "HouseholdAddressSearch" WHERE "HouseholdAddressSearch" MATCH {phrase})
            """);

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

/// <summary>
/// The residents a text matches, and the same residents as the page in name order should read them when that is
/// faster another way round (a broad address on SQLite).
/// </summary>
internal sealed record ResidentMatches(IQueryable<Resident> All, IQueryable<Resident>? InNameOrder = null);
