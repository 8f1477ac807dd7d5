using CivicGrid.App.People;
using System.Diagnostics;
using CivicGrid.App.Data;
using CivicGrid.App.PublicServices.Rules;
using CivicGrid.Core.People;
using CivicGrid.Core.PublicServices.Rules;
using CivicGrid.Core.Territory;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.Bench;

/// <summary>
/// The rules scenario's district written to a bench database by the bulk path, then read back as rule facts by
/// <see cref="ResidentFactsReader"/> (one query, households summed in memory), beside a plain read of the same
/// residents' columns with no tags and no households. The facts read back must give the same counts for all rules.
/// </summary>
internal static class RulesFactsLoad
{
    public static async Task<ScenarioResult> RunAsync(
        BenchOptions options, string kind, RulesDistrict district, RuleContext context, ResidentPredicate[] predicates, long[] expected)
    {
        await using var database = await BenchDatabase.CreateAsync(kind, options);
        var watch = Stopwatch.StartNew();
        await WriteAsync(database, district, context);
        Console.WriteLine($"[{kind}] rules district written in {watch.Elapsed.TotalSeconds:F0} s");
        await using var scope = database.Scope();
        var db = scope.ServiceProvider.GetRequiredService<CivicGridDbContext>();
        await db.Database.ExecuteSqlRawAsync("ANALYZE");

        ResidentFacts[] read = [];
        var reads = new List<double>();
        for (var i = 0; i < 3; i++)
        {
            var start = Stopwatch.GetTimestamp();
            read = await ResidentFactsReader.ReadAsync(db, "", CancellationToken.None);
            reads.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
        var plain = new List<double>();
        for (var i = 0; i < 3; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await PlainReadAsync(db);
            plain.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
        var counts = predicates.Select(p => (long)read.Count(f => p(in f))).ToArray();
        var agree = read.Length == district.Facts.Length && counts.SequenceEqual(expected);
        var ours = reads.Order().ElementAt(1);
        Console.WriteLine($"[{kind}] facts reader: {read.Length:N0} residents in {ours:F0} ms (runs {string.Join(", ", reads.Select(r => r.ToString("F0", System.Globalization.CultureInfo.InvariantCulture)))}); plain read {plain.Order().ElementAt(1):F0} ms; rule counts {(agree ? "agree" : "DIFFER")}");
        return new ScenarioResult($"rules: read facts of {read.Length:N0} residents", kind, ours, plain.Order().ElementAt(1), "ms", 1,
            $"median of 3; ResidentFactsReader, one query with tag masks, households summed in memory; anchor a plain read of the residents' columns; rule counts {(agree ? "agree" : "DIFFER")}")
        { MaxOurs = 5_000 };
    }

    private static async Task PlainReadAsync(CivicGridDbContext db)
    {
        var rows = await RawSql.QueryAsync(db,
            """SELECT "Id", "BirthDate", "Gender", "ResidenceType", "Relation", "MoveInDate", "GridCode", "HouseholdId" FROM "Residents" WHERE "DepartedOn" IS NULL""",
            [], r => (r.GetInt32(0), r.GetFieldValue<DateOnly>(1), r.GetInt32(2), r.GetInt32(3), r.GetInt32(4), r.IsDBNull(5) ? (DateOnly?)null : r.GetFieldValue<DateOnly>(5), r.GetString(6), r.IsDBNull(7) ? 0 : r.GetInt32(7)),
            CancellationToken.None);
        GC.KeepAlive(rows);
    }

    private static async Task WriteAsync(BenchDatabase database, RulesDistrict district, RuleContext context)
    {
        await using var scope = database.Scope();
        var db = scope.ServiceProvider.GetRequiredService<CivicGridDbContext>();
        // A migrated database already holds the default tags (reference data); an older one may not.
        if (!await db.Tags.AnyAsync())
        {
            db.Tags.AddRange(Tag.Defaults.Select(t => new Tag { Name = t.Name, Description = t.Description }));
            await db.SaveChangesAsync();
        }
        var tagIds = await db.Tags.ToDictionaryAsync(t => t.Name, t => t.Id);
        var dbTag = context.TagIds.ToDictionary(t => t.Value, t => tagIds[t.Key]);
        if (dbTag.Any(t => t.Key != t.Value))
        {
            throw new InvalidOperationException("The bench expects the default tags to get ids 1 to 10 in order.");
        }
        var grids = RulesPopulation.Grids();
        var gridIndex = grids.Select((g, i) => (g, i)).ToDictionary(x => x.g, x => x.i + 1);
        var bulk = scope.ServiceProvider.GetRequiredService<BulkInsert>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        await bulk.WriteAsync(grids.Select((g, i) => new Building { Id = i + 1, Code = Building.CodeFor(g, 1), Name = "1幢", Address = $"{g}号楼", GridCode = g }), CancellationToken.None);
        await bulk.WriteAsync(Households(district, gridIndex), CancellationToken.None);
        await bulk.WriteAsync(district.Facts.Select((f, i) => Resident(f, district.HouseholdOf[i])), CancellationToken.None);
        await bulk.WriteLinksAsync(ResidentTags.Table, district.Facts.SelectMany(Links), CancellationToken.None);
        await transaction.CommitAsync();
    }

    private static IEnumerable<Household> Households(RulesDistrict district, Dictionary<string, int> gridIndex)
    {
        var written = 0;
        for (var i = 0; i < district.Facts.Length; i++)
        {
            var number = district.HouseholdOf[i];
            if (number > written)
            {
                written = number;
                var grid = district.Facts[i].GridCode;
                yield return new Household
                {
                    Id = number, Code = $"{grid}-{number}", BuildingId = gridIndex[grid], GridCode = grid, Room = $"{number}", Address = $"{grid}号楼{number}室",
                };
            }
        }
    }

    private static Resident Resident(ResidentFacts f, int household)
    {
        var id = f.ResidentId.ToString("D8", System.Globalization.CultureInfo.InvariantCulture);
        return new Resident
        {
            Id = f.ResidentId, Name = $"居民{id}", IdNumberCipher = [0], IdNumberHash = id, IdNumberMasked = "3301**********" + id[^4..], IdLast4 = id[^4..],
            BirthDate = DateOnly.FromDayNumber(f.BirthDay), Gender = f.Gender, ResidenceType = f.Residence, Relation = f.Relation,
            MoveInDate = f.SettledDay == f.BirthDay ? null : DateOnly.FromDayNumber(f.SettledDay),
            HouseholdId = household == 0 ? null : household, GridCode = f.GridCode,
        };
    }

    private static IEnumerable<(int Left, int Right)> Links(ResidentFacts f)
    {
        for (var bit = 0; bit < 64; bit++)
        {
            if ((f.Tags & (1UL << bit)) != 0)
            {
                yield return (f.ResidentId, bit + 1);
            }
        }
    }
}
