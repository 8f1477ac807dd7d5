using CivicGrid.Core.Activities;

namespace CivicGrid.Core.Demo.Activities;

/// <summary>An enterprise whose employees the demo registers as volunteers.</summary>
public sealed record DemoFirm(int Id, string GridCode);

/// <summary>
/// Employee volunteers (企业职工志愿者): two for every tenth enterprise, up to the count wanted, as their contacts would
/// register them (names and skills, no phone). Deterministic for the same inputs.
/// </summary>
public static class DemoEmployeeVolunteers
{
    private static readonly string[] Skills = ["摄影", "法律", "财务", "电脑教学", "心理疏导", "设计", ""];

    public static List<Volunteer> Generate(IReadOnlyList<DemoFirm> firms, int count, int firstId, DateTime now)
    {
        var rows = new List<Volunteer>();
        var id = firstId;
        foreach (var firm in firms.Where((_, i) => i % 10 == 0))
        {
            for (var k = 0; k < 2 && rows.Count < count; k++)
            {
                var n = firm.Id * 2 + k;
                var name = GongshuNames.Surnames[n % GongshuNames.Surnames.Length] + GongshuNames.GivenCharacters[(n * 7) % GongshuNames.GivenCharacters.Length]
                    + GongshuNames.GivenCharacters[(n * 13 + 5) % GongshuNames.GivenCharacters.Length];
                rows.Add(new Volunteer
                {
                    Id = id++, EnterpriseId = firm.Id, GridCode = firm.GridCode, Name = name, Skills = Skills[n % Skills.Length], RegisteredAt = now.AddDays(-(n % 120)),
                });
            }
        }
        return rows;
    }
}
