namespace CivicGrid.Core.PublicServices.Rules;

/// <summary>Whole months lived in the district (居住月数): a month is complete when its day of the month comes round again.</summary>
public static class ResidenceMonths
{
    public static int Between(DateOnly settled, DateOnly date)
    {
        var months = ((date.Year - settled.Year) * 12) + date.Month - settled.Month;
        if (date.Day < settled.Day)
        {
            months--;
        }
        return Math.Max(0, months);
    }
}
