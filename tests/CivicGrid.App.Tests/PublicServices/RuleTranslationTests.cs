using CivicGrid.App.Access;
using CivicGrid.App.Data;
using CivicGrid.App.PublicServices.Rules;
using CivicGrid.Core.People;
using CivicGrid.Core.PublicServices.Catalogue;
using CivicGrid.Core.PublicServices.Rules;
using CivicGrid.Core.Tests.PublicServices.Rules;
using CivicGrid.Testing;
using FsCheck.Fluent;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Tests.PublicServices;

public class RuleTranslationTests
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(AppHarness.Now.UtcDateTime);

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task TheSqlOfARuleSelectsTheResidentsItsCompiledFormMatches(DatabaseKind kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await using var app = AppHarness.For(database);
        await using var scope = app.Scope(new SystemJurisdiction("tests"));
        var db = scope.Db;
        var context = await PopulateAsync(db, seed: 20261123);
        var facts = await ResidentFactsReader.ReadAsync(db, "", default);
        Assert.Equal(await db.Residents.CountAsync(r => r.DepartedOn == null), facts.Length);

        var catalogue = StandardCatalogue.Entries.Select(e => RuleParser.Parse(e.Rule, context).Rule!);
        var random = RuleGenerators.Rule(context.TagIds).Sample(12, 250);
        foreach (var rule in catalogue.Concat(random))
        {
            foreach (var today in new[] { Today, new DateOnly(2028, 2, 29) })
            {
                var dated = context with { Today = today };
                var compiled = RuleCompiler.Compile(rule, dated);
                var expected = facts.Where(f => compiled.Matches(f)).Select(f => f.ResidentId).Order().ToList();
                var selected = await SelectAsync(db, rule, dated);
                Assert.True(expected.SequenceEqual(selected), $"{rule.Text} on {today}: memory {expected.Count}, SQL {selected.Count}");
            }
        }
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task TheFactsReaderSumsUpActiveHouseholdMembersOnly(DatabaseKind kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await using var app = AppHarness.For(database);
        await using var scope = app.Scope(new SystemJurisdiction("tests"));
        var db = scope.Db;
        await PopulateAsync(db, seed: 7);
        var facts = (await ResidentFactsReader.ReadAsync(db, "", default)).ToDictionary(f => f.ResidentId);
        var residents = await db.Residents.AsNoTracking().Include(r => r.Tags).Where(r => r.DepartedOn == null).ToListAsync();

        foreach (var resident in residents)
        {
            var members = resident.HouseholdId is null ? [resident] : residents.Where(m => m.HouseholdId == resident.HouseholdId).ToList();
            var f = facts[resident.Id];
            Assert.Equal(members.Count, f.HouseholdSize);
            Assert.Equal(members.Max(m => m.BirthDate).DayNumber, f.YoungestBirthDay);
            Assert.Equal(members.Min(m => m.BirthDate).DayNumber, f.OldestBirthDay);
            Assert.Equal(Mask(members.SelectMany(m => m.Tags)), f.HouseholdTags);
            Assert.Equal(Mask(resident.Tags), f.Tags);
            Assert.Equal((resident.MoveInDate ?? resident.BirthDate).DayNumber, f.SettledDay);
        }
        var scoped = await ResidentFactsReader.ReadAsync(db, RuleGenerators.Streets[0], default);
        Assert.Equal(residents.Count(r => r.GridCode.StartsWith(RuleGenerators.Streets[0], StringComparison.Ordinal)), scoped.Length);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task ACraftedTagNameIsOnlyEverAParameter(DatabaseKind kind)
    {
        const string crafted = "'); DROP TABLE \"T\";";
        await using var database = await TestDatabase.CreateAsync(kind);
        await using var app = AppHarness.For(database);
        await using var scope = app.Scope(new SystemJurisdiction("tests"));
        var db = scope.Db;
        db.Tags.Add(new Tag { Name = crafted });
        await db.SaveChangesAsync();
        var context = await PopulateAsync(db, seed: 11);
        var before = await db.Residents.CountAsync();
        var rule = RuleParser.Parse($"not has_tag({RuleFormatter.Quote(crafted)}) or household.has_tag({RuleFormatter.Quote(crafted)})", context);
        Assert.True(rule.Succeeded, string.Join("; ", rule.Errors));

        var selected = await SelectAsync(db, rule.Rule, context);

        Assert.Equal(before, await db.Residents.CountAsync());
        Assert.Equal(await db.Residents.CountAsync(r => r.DepartedOn == null), selected.Count);
    }

    private static async Task<RuleContext> PopulateAsync(CivicGridDbContext db, int seed)
    {
        if (!await db.Tags.AnyAsync(t => t.Name == Tag.Defaults[0].Name))
        {
            db.Tags.AddRange(Tag.Defaults.Select(t => new Tag { Name = t.Name, Description = t.Description }));
            await db.SaveChangesAsync();
        }
        var tags = await db.Tags.ToListAsync();
        await RulePopulation.WriteAsync(db, Today, tags, seed, households: 120, loners: 60);
        db.ChangeTracker.Clear();
        return await RuleContextLoader.LoadAsync(db, Today, default);
    }

    private static async Task<List<int>> SelectAsync(CivicGridDbContext db, CheckedRule rule, RuleContext context)
    {
        var sql = RuleSqlTranslator.Translate(rule, context, RuleContextLoader.DialectOf(db));
        var ids = await RawSql.QueryAsync(db, $"""SELECT r."Id" FROM "Residents" r WHERE r."DepartedOn" IS NULL AND ({sql.WhereSql})""", sql.Parameters, r => r.GetInt32(0), default);
        return ids.Order().ToList();
    }

    private static ulong Mask(IEnumerable<Tag> tags) => tags.Aggregate(0UL, (m, t) => m | (1UL << (t.Id - 1)));
}
