namespace CivicGrid.Core.Activities.Teams;

/// <summary>Skills as free tags (法律, 规划, 医疗, 水电维修): read from text split by 、，, or spaces, kept joined by "、".</summary>
public static class TeamSkills
{
    public const int MaxSkills = 12;
    public const int MaxSkillLength = 10;
    public const string TooMany = "技能不超过12项，每项不超过10个字";
    public const string NotInList = "所选技能不在本团队的技能列表中";

    private static readonly char[] Separators = ['、', '，', ',', ' ', '　', ';', '；'];

    public static IReadOnlyList<string> Parse(string? text) =>
        (text ?? "").Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.Ordinal).ToList();

    public static string Join(IEnumerable<string> skills) => string.Join('、', skills);

    /// <summary>A team's skill list, or why it cannot be one.</summary>
    public static (string List, string? Refusal) List(string? text)
    {
        var skills = Parse(text);
        return skills.Count > MaxSkills || skills.Any(s => s.Length > MaxSkillLength) ? ("", TooMany) : (Join(skills), null);
    }

    /// <summary>A member's skills, each from the team's list, or why not.</summary>
    public static (string Skills, string? Refusal) ForMember(string teamList, string? text)
    {
        var allowed = Parse(teamList).ToHashSet(StringComparer.Ordinal);
        var skills = Parse(text);
        return skills.All(allowed.Contains) ? (Join(skills), null) : ("", NotInList);
    }

    public static bool Has(string memberSkills, string skill) => Parse(memberSkills).Contains(skill.Trim(), StringComparer.Ordinal);
}
