using CivicGrid.Core.PublicServices.Facilities;
using CivicGrid.Core.PublicServices.LifeEvents;

namespace CivicGrid.Core.PublicServices.Catalogue;

/// <summary>An item of the service catalogue (服务事项): who is entitled (its rule), where it is delivered and how.</summary>
public sealed class ServiceItem
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public required string Description { get; set; }
    public ServiceTheme Theme { get; set; }
    public DeliveryMode Mode { get; set; }
    /// <summary>Places are limited: enrolment goes through a waiting list and allocation.</summary>
    public bool LimitedPlaces { get; set; }
    /// <summary>The life events whose one-step bundle includes this service.</summary>
    public LifeEventKinds OpenedBy { get; set; }
    /// <summary>The published rule version residents are measured against; null while a draft.</summary>
    public int? PublishedRuleVersion { get; set; }
    public List<EligibilityRule> Rules { get; set; } = [];
    public List<Facility> Facilities { get; set; } = [];

    public bool IsPublished => PublishedRuleVersion is not null;

    public EligibilityRule? PublishedRule => Rules.Find(r => r.Version == PublishedRuleVersion);
}
