namespace CivicGrid.Core.PublicServices.Catalogue;

/// <summary>The theme a service belongs to (服务主题).</summary>
public enum ServiceTheme
{
    Government,
    Employment,
    Activity,
    ElderlyCare,
    Childcare,
    Health,
    Assistance,
    Education,
}

public static class ServiceThemes
{
    public static string ChineseName(this ServiceTheme theme) => theme switch
    {
        ServiceTheme.Government => "政务",
        ServiceTheme.Employment => "就业",
        ServiceTheme.Activity => "活动",
        ServiceTheme.ElderlyCare => "养老",
        ServiceTheme.Childcare => "托育",
        ServiceTheme.Health => "健康",
        ServiceTheme.Assistance => "救助",
        _ => "教育",
    };
}
