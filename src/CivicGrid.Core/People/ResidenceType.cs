namespace CivicGrid.Core.People;

/// <summary>How a person lives in the district: 户籍 registered, 常住 resident without registration, 流动 migrant.</summary>
public enum ResidenceType
{
    Registered = 0,
    Resident = 1,
    Migrant = 2,
}

public static class ResidenceTypes
{
    public static string ChineseName(this ResidenceType type) => type switch
    {
        ResidenceType.Registered => "户籍",
        ResidenceType.Resident => "常住",
        _ => "流动",
    };

    public static bool TryParse(string? text, out ResidenceType type)
    {
        type = default;
        switch (text?.Trim())
        {
            case "户籍" or "Registered": type = ResidenceType.Registered; return true;
            case "常住" or "Resident": type = ResidenceType.Resident; return true;
            case "流动" or "Migrant": type = ResidenceType.Migrant; return true;
            default: return false;
        }
    }
}
