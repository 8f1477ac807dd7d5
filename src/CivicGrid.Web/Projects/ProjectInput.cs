using System.Globalization;
using CivicGrid.App.Projects;
using CivicGrid.Core.Projects;

namespace CivicGrid.Web.Projects;

/// <summary>The project form as posted: text as typed, turned into the API's <see cref="ProjectBody"/> with a reason per field that cannot be read.</summary>
public sealed class ProjectInput
{
    public string? Code { get; set; }
    public string? Name { get; set; }
    public string? Investor { get; set; }
    public string? Sector { get; set; }
    public string? CommunityCode { get; set; }
    public string? Latitude { get; set; }
    public string? Longitude { get; set; }
    public string? PlannedWan { get; set; }
    public int? ServiceGroupId { get; set; }
    public string? LeadCadreId { get; set; }
    public string? ContactName { get; set; }
    public string? ContactPhone { get; set; }
    public string? Boundary { get; set; }
    public int? Version { get; set; }
    public List<YearPlanInput>? YearPlans { get; set; }
    /// <summary>One date per stage, in stage order: the signing date, then each planned date.</summary>
    public List<string?>? Gates { get; set; }

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static ProjectInput Blank(int year) => new() { YearPlans = [new YearPlanInput { Year = year.ToString(Invariant) }] };

    public static ProjectInput From(ProjectDetail p) => new()
    {
        Code = p.Code, Name = p.Name, Investor = p.Investor, Sector = p.Sector, CommunityCode = p.CommunityCode,
        Latitude = p.Latitude.ToString(Invariant), Longitude = p.Longitude.ToString(Invariant), PlannedWan = p.PlannedWan.ToString(Invariant),
        ServiceGroupId = p.ServiceGroupId, LeadCadreId = p.LeadCadreId, ContactName = p.ContactName, Boundary = p.Boundary, Version = p.Version,
        YearPlans = [.. p.YearPlans.Select(y => new YearPlanInput { Year = y.Year.ToString(Invariant), Wan = y.PlannedWan.ToString(Invariant) })],
    };

    /// <summary>One empty row to add a year with.</summary>
    public void PadYearPlans()
    {
        YearPlans ??= [];
        YearPlans.RemoveAll(y => string.IsNullOrWhiteSpace(y.Year) && string.IsNullOrWhiteSpace(y.Wan));
        YearPlans.Add(new YearPlanInput());
    }

    public (ProjectBody? Body, Dictionary<string, string[]> Errors) ToBody(IReadOnlyList<CommunityChoice> communities)
    {
        var errors = new Dictionary<string, string[]>();
        var centre = communities.FirstOrDefault(c => c.Code == CommunityCode);
        var latitude = Coordinate(Latitude, centre?.Latitude, "latitude", errors);
        var longitude = Coordinate(Longitude, centre?.Longitude, "longitude", errors);
        decimal? planned = null;
        if (!string.IsNullOrWhiteSpace(PlannedWan))
        {
            planned = decimal.TryParse(PlannedWan, NumberStyles.Number, Invariant, out var wan) ? wan : Refuse<decimal>(errors, "plannedWan", "计划总投资应为万元数");
        }
        var plans = new List<YearPlanBody?>();
        foreach (var y in (YearPlans ?? []).Where(y => !string.IsNullOrWhiteSpace(y.Year) || !string.IsNullOrWhiteSpace(y.Wan)))
        {
            if (int.TryParse(y.Year, NumberStyles.None, Invariant, out var year) && decimal.TryParse(y.Wan, NumberStyles.Number, Invariant, out var wan))
            {
                plans.Add(new YearPlanBody(year, wan));
            }
            else
            {
                errors["yearPlans"] = ["年度计划应填写年份和大于 0 的万元数"];
            }
        }
        var gates = new List<GateBody?>();
        var dates = Gates ?? [];
        for (var i = 0; i < Math.Min(dates.Count, ProjectNames.Stages.Count); i++)
        {
            if (DateOnly.TryParse(dates[i], Invariant, out var on))
            {
                var stage = ProjectNames.Stages[i];
                gates.Add(stage == ProjectStage.Signed ? new GateBody(stage.ToString(), null, on) : new GateBody(stage.ToString(), on));
            }
        }
        if (errors.Count > 0)
        {
            return (null, errors);
        }
        return (new ProjectBody(Code, Name, Investor, Sector, CommunityCode, latitude, longitude, planned, plans, ServiceGroupId,
            LeadCadreId, ContactName, ContactPhone, Boundary, gates, Version), errors);
    }

    private static double? Coordinate(string? text, double? fallback, string field, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback ?? Refuse<double>(errors, field, "请填写坐标，或选择有中心点的社区");
        }
        return double.TryParse(text, NumberStyles.Float, Invariant, out var value) ? value : Refuse<double>(errors, field, "坐标应为小数度数");
    }

    private static T? Refuse<T>(Dictionary<string, string[]> errors, string field, string reason) where T : struct
    {
        errors[field] = [reason];
        return null;
    }

    public sealed class YearPlanInput
    {
        public string? Year { get; set; }
        public string? Wan { get; set; }
    }
}
