namespace CivicGrid.Core.People;

public static class Age
{
    /// <summary>Completed years on <paramref name="date"/>; someone born on 29 February turns a year older on 1 March.</summary>
    public static int On(DateOnly birthDate, DateOnly date)
    {
        var years = date.Year - birthDate.Year;
        if (date.Month < birthDate.Month || (date.Month == birthDate.Month && date.Day < birthDate.Day))
        {
            years--;
        }
        return Math.Max(0, years);
    }
}
