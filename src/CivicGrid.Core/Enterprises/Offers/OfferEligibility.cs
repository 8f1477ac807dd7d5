namespace CivicGrid.Core.Enterprises.Offers;

/// <summary>Whom an offer is for, by size and industry: one rule for the match a person confirms and the one the system suggests.</summary>
public static class OfferEligibility
{
    public static string? Refusal(int? minEmployees, int? maxEmployees, IReadOnlyCollection<string> industries, int employees, string industry)
    {
        if (employees < minEmployees)
        {
            return $"该资源面向 {minEmployees} 人及以上的企业，本企业 {employees} 人";
        }
        if (employees > maxEmployees)
        {
            return $"该资源面向 {maxEmployees} 人及以下的企业，本企业 {employees} 人";
        }
        return industries.Count > 0 && !industries.Contains(industry)
            ? $"该资源面向{string.Join("、", industries)}行业，本企业属于{industry}"
            : null;
    }
}
