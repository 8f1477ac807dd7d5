using CivicGrid.Core.People;

namespace CivicGrid.App.People;

/// <summary>A resident as a list shows them: personal data masked.</summary>
public sealed record ResidentRow(
    int Id, string Name, string IdNumber, string Gender, int Age, string LifeStage, string ResidenceType,
    string? Phone, string? Address, string GridCode, IReadOnlyList<string> Tags);

public sealed record ResidentDetail(
    int Id, string Name, string IdNumber, DateOnly BirthDate, string Gender, int Age, string LifeStage,
    string ResidenceType, string? Phone, DateOnly? MoveInDate, int? HouseholdId, string? HouseholdAddress,
    string Relation, string GridCode, string GridName, IReadOnlyList<string> Tags, bool MayReveal);

public sealed record RevealedPersonalData(int ResidentId, string IdNumber, string? Phone);

internal static class ResidentViewMapping
{
    public static string GenderName(Gender g) => g == Gender.Male ? "男" : "女";
}
