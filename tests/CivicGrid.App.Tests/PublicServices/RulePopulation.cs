using CivicGrid.App.Data;
using CivicGrid.Core.People;
using CivicGrid.Core.Territory;
using CivicGrid.Core.Tests.PublicServices.Rules;

namespace CivicGrid.App.Tests.PublicServices;

/// <summary>
/// A small random district for rule tests: households of one to five in a few grids, residents without a household,
/// departed residents among both, birth and move-in days crowded around the boundaries rules draw.
/// </summary>
public static class RulePopulation
{
    public static async Task WriteAsync(CivicGridDbContext db, DateOnly today, IReadOnlyList<Tag> tags, int seed, int households, int loners)
    {
        var random = new Random(seed);
        var buildings = RuleGenerators.Grids.Select((grid, i) => new Building
        {
            Code = Building.CodeFor(grid, 1), Name = $"{i + 1}幢", Address = $"测试路{i + 1}号", GridCode = grid,
        }).ToList();
        db.Buildings.AddRange(buildings);
        var sequence = 0;
        for (var h = 0; h < households; h++)
        {
            var building = buildings[random.Next(buildings.Count)];
            var household = new Household
            {
                Code = Household.CodeFor(building.Code, $"{h + 101}"), Building = building, GridCode = building.GridCode,
                Room = $"{h + 101}", Address = $"{building.Address}{h + 101}室",
            };
            db.Households.Add(household);
            var size = random.Next(1, 6);
            for (var m = 0; m < size; m++)
            {
                var resident = Resident(random, today, tags, ++sequence, building.GridCode);
                resident.Relation = m == 0 ? HouseholdRelation.Head : resident.Relation;
                resident.Household = household;
                db.Residents.Add(resident);
            }
        }
        for (var i = 0; i < loners; i++)
        {
            db.Residents.Add(Resident(random, today, tags, ++sequence, RuleGenerators.Grids[random.Next(RuleGenerators.Grids.Count)]));
        }
        await db.SaveChangesAsync();
    }

    private static Resident Resident(Random random, DateOnly today, IReadOnlyList<Tag> tags, int sequence, string grid)
    {
        var birth = Day(random, today, years: true);
        var departed = random.Next(10) == 0;
        return new Resident
        {
            Name = $"居民{sequence}",
            IdNumberCipher = [1, 2, 3],
            IdNumberHash = $"hash-{sequence}",
            IdNumberMasked = "3301**********0000",
            IdLast4 = "0000",
            BirthDate = birth,
            Gender = (Gender)random.Next(2),
            ResidenceType = (ResidenceType)random.Next(3),
            Relation = Enum.GetValues<HouseholdRelation>()[random.Next(7)],
            MoveInDate = random.Next(3) == 0 ? null : Max(birth, Day(random, today, years: false)),
            GridCode = grid,
            Tags = tags.Where(_ => random.Next(6) == 0).ToList(),
            DepartedOn = departed ? today.AddDays(-random.Next(1, 400)) : null,
            Departure = departed ? Departure.MovedOut : null,
        };
    }

    private static DateOnly Day(Random random, DateOnly today, bool years) => random.Next(3) switch
    {
        0 => today.AddDays(-random.Next(0, 365 * 100)),
        1 => (years ? today.AddYears(-random.Next(0, 100)) : today.AddMonths(-random.Next(0, 400))).AddDays(random.Next(-1, 2)),
        _ => new DateOnly(1924 + (4 * random.Next(0, 25)), 2, 29),
    };

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
