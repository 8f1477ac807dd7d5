using CivicGrid.Core.Geography;
using CivicGrid.Core.People;
using CivicGrid.Core.Territory;

namespace CivicGrid.Core.Demo;

/// <summary>Fills one grid with residential buildings, households and people of a plausible age structure.</summary>
internal sealed class GridPopulator(Random random, TerritoryNode grid, GeoRect box, int households, DateOnly today, HashSet<string> usedIds)
{
    private const int RoomsPerFloor = 2;
    private const int Units = 2;

    private readonly List<DemoBuilding> _buildings = [];
    private readonly List<DemoHousehold> _households = [];
    private readonly List<DemoPerson> _people = [];

    public DemoGridPopulation Populate()
    {
        var road = GongshuNames.Roads[random.Next(GongshuNames.Roads.Length)];
        var number = random.Next(1, 400);
        var left = households;
        for (var b = 1; left > 0; b++)
        {
            var floors = random.Next(5, 19);
            var at = DemoDistrict.Jitter(random, box);
            var building = new DemoBuilding(Building.CodeFor(grid.Code, b), $"{b}幢", $"{road}{number}号{b}幢", grid.Code,
                at.Latitude, at.Longitude, floors, false, null);
            _buildings.Add(building);
            var rooms = Math.Min(left, floors * RoomsPerFloor * Units);
            for (var r = 0; r < rooms; r++)
            {
                var room = $"{r / (floors * RoomsPerFloor) + 1}单元{r % (floors * RoomsPerFloor) / RoomsPerFloor + 1}{r % RoomsPerFloor + 1:D2}室";
                var household = new DemoHousehold(Household.CodeFor(building.Code, room), building.Code, room);
                _households.Add(household);
                AddMembers(household.Code);
            }
            left -= rooms;
        }
        return new DemoGridPopulation(grid.Code, _buildings, _households, _people);
    }

    private void AddMembers(string household)
    {
        var kind = random.NextDouble();
        var surname = Surname();
        if (kind < 0.22)
        {
            var age = AdultAge(elderlyBias: true);
            Add(household, surname, age, RandomGender(), HouseholdRelation.Head, age >= 60 ? ["独居"] : []);
            return;
        }
        if (kind < 0.52)
        {
            AddCouple(household, surname, AdultAge(elderlyBias: false));
            return;
        }
        if (kind < 0.87)
        {
            var parentAge = random.Next(26, 56);
            var dualIncome = random.NextDouble() < 0.45;
            AddCouple(household, surname, parentAge, dualIncome ? ["双职工"] : []);
            for (var c = random.NextDouble() < 0.6 ? 1 : 2; c > 0; c--)
            {
                Add(household, surname, Math.Max(0, parentAge - random.Next(24, 37)), RandomGender(), HouseholdRelation.Child, []);
            }
            return;
        }
        if (kind < 0.95)
        {
            var parentAge = random.Next(30, 51);
            AddCouple(household, surname, parentAge);
            Add(household, surname, Math.Max(0, parentAge - random.Next(24, 34)), RandomGender(), HouseholdRelation.Child, []);
            Add(household, Surname(), parentAge + random.Next(24, 33), RandomGender(), HouseholdRelation.Parent, []);
            return;
        }
        AddCouple(household, surname, random.Next(62, 92), ["空巢"]);
    }

    private void AddCouple(string household, string surname, int headAge, string[]? coupleTags = null)
    {
        var headGender = random.NextDouble() < 0.7 ? Gender.Male : Gender.Female;
        var spouseGender = headGender == Gender.Male ? Gender.Female : Gender.Male;
        Add(household, surname, headAge, headGender, HouseholdRelation.Head, coupleTags ?? []);
        Add(household, Surname(), Math.Max(20, headAge + random.Next(-4, 4)), spouseGender, HouseholdRelation.Spouse, coupleTags ?? []);
    }

    private void Add(string household, string surname, int age, Gender gender, HouseholdRelation relation, string[] tags)
    {
        var residence = random.NextDouble() switch { < 0.6 => ResidenceType.Registered, < 0.75 => ResidenceType.Resident, _ => ResidenceType.Migrant };
        var birth = today.AddYears(-age).AddDays(-random.Next(0, 365));
        var address = residence == ResidenceType.Registered
            ? GongshuNames.DistrictCode
            : GongshuNames.OtherAddressCodes[random.Next(GongshuNames.OtherAddressCodes.Length)];
        var id = UniqueId(address, birth, gender);
        var phone = age >= 12 ? $"1{"35789"[random.Next(5)]}{random.NextInt64(0, 1_000_000_000):D9}" : null;
        DateOnly? moveIn = residence == ResidenceType.Registered && random.NextDouble() < 0.5
            ? birth
            : today.AddDays(-random.Next(30, Math.Max(31, Math.Min(age * 365, 365 * 15))));
        _people.Add(new DemoPerson(surname + GivenName(), id, phone, residence, moveIn, household, relation, Tags(age, gender, residence, tags)));
    }

    private string[] Tags(int age, Gender gender, ResidenceType residence, string[] given)
    {
        var tags = new List<string>(given);
        var roll = random.NextDouble();
        if (age >= 70 && roll < 0.06) tags.Add("失能");
        if (roll > 0.99) tags.Add("低保");
        if (age is >= 25 and < 80 && gender == Gender.Male && roll is > 0.5 and < 0.53) tags.Add("退役军人");
        if (age is >= 22 and < 45 && roll is > 0.2 and < 0.26) tags.Add("人才");
        if (age is >= 18 and < 50 && residence == ResidenceType.Migrant && roll is > 0.3 and < 0.4) tags.Add("新就业群体");
        if (roll is > 0.6 and < 0.615) tags.Add("残疾");
        return [.. tags];
    }

    private string UniqueId(string address, DateOnly birth, Gender gender)
    {
        var sequence = random.Next(0, 1000);
        for (var attempt = 0; ; attempt += 2)
        {
            var id = IdNumber.Compose(address, birth.AddDays(attempt / 1000), (sequence + attempt) % 1000, gender);
            if (usedIds.Add(id))
            {
                return id;
            }
        }
    }

    /// <summary>Adults of 22–90, weighted towards working age; an elderly bias for people living alone.</summary>
    private int AdultAge(bool elderlyBias)
    {
        var roll = random.NextDouble();
        return elderlyBias
            ? roll switch { < 0.35 => random.Next(22, 40), < 0.55 => random.Next(40, 60), < 0.88 => random.Next(60, 80), _ => random.Next(80, 98) }
            : roll switch { < 0.45 => random.Next(22, 40), < 0.78 => random.Next(40, 60), < 0.96 => random.Next(60, 80), _ => random.Next(80, 95) };
    }

    private Gender RandomGender() => random.Next(2) == 0 ? Gender.Female : Gender.Male;

    private string Surname()
    {
        // The first twenty surnames cover most people, as in the real distribution.
        var pool = GongshuNames.Surnames;
        return random.NextDouble() < 0.6 ? pool[random.Next(20)] : pool[random.Next(pool.Length)];
    }

    private string GivenName()
    {
        var chars = GongshuNames.GivenCharacters;
        return random.NextDouble() < 0.3
            ? chars[random.Next(chars.Length)]
            : chars[random.Next(chars.Length)] + chars[random.Next(chars.Length)];
    }
}
