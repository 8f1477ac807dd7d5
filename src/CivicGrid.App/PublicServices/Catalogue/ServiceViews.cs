using CivicGrid.Core.PublicServices.Catalogue;
using CivicGrid.Core.PublicServices.LifeEvents;

namespace CivicGrid.App.PublicServices.Catalogue;

/// <summary>A catalogue item as a list shows it.</summary>
public sealed record ServiceRow(
    int Id, string Code, string Name, string Theme, string Mode, bool LimitedPlaces, bool Published, int? RuleVersion,
    string? RuleText, IReadOnlyList<string> OpenedBy);

public sealed record RuleVersionView(int Version, string Text, string Author, DateTime CreatedAt, DateTime? PublishedAt, bool Current);

public sealed record ServiceDetail(
    int Id, string Code, string Name, string Description, ServiceTheme Theme, DeliveryMode Mode, bool LimitedPlaces,
    LifeEventKinds OpenedBy, int? PublishedRuleVersion, IReadOnlyList<RuleVersionView> Rules,
    IReadOnlyList<ServiceFacilityView> Facilities, IReadOnlyList<string> FacilityTypes)
{
    public RuleVersionView? LatestRule => Rules.Count == 0 ? null : Rules[0];
    public RuleVersionView? CurrentRule => Rules.FirstOrDefault(r => r.Current);
}

public sealed record ServiceFacilityView(int Id, string Name, string TypeCode, string Type, string GridCode, int? Capacity);

internal static class ServiceViewMapping
{
    public static IReadOnlyList<string> Names(LifeEventKinds kinds) =>
        LifeEventKindNames.All.Where(k => kinds.Includes(k)).Select(k => k.ChineseName()).ToList();

    public static ServiceRow Row(ServiceItem s) => new(
        s.Id, s.Code, s.Name, s.Theme.ChineseName(), s.Mode.ChineseName(), s.LimitedPlaces, s.IsPublished,
        s.PublishedRuleVersion, s.PublishedRule?.Text, Names(s.OpenedBy));
}
