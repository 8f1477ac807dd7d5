using CivicGrid.Core.Enterprises;
using CivicGrid.Core.People;
using CivicGrid.Core.Territory;

namespace CivicGrid.Core.Projects;

/// <summary>The checks of a project's facts, field by field, in Chinese.</summary>
public static class ProjectGuards
{
    /// <summary>Every refusal of the facts (not the gates), each naming its field.</summary>
    public static IReadOnlyList<FieldRefusal> Facts(ProjectRequest r)
    {
        var refusals = new List<FieldRefusal>();
        void Check(string field, bool bad, string reason)
        {
            if (bad)
            {
                refusals.Add(new(field, reason));
            }
        }
        Check("Code", string.IsNullOrWhiteSpace(r.Code), "请填写项目编号");
        Check("Code", r.Code?.Trim().Length > ProjectRequest.MaxCodeLength, $"项目编号不超过 {ProjectRequest.MaxCodeLength} 个字符");
        Check("Name", string.IsNullOrWhiteSpace(r.Name), "请填写项目名称");
        Check("Name", r.Name?.Trim().Length > ProjectRequest.MaxNameLength, $"项目名称不超过 {ProjectRequest.MaxNameLength} 字");
        Check("Investor", string.IsNullOrWhiteSpace(r.Investor), "请填写投资主体");
        Check("Investor", r.Investor?.Trim().Length > ProjectRequest.MaxInvestorLength, $"投资主体不超过 {ProjectRequest.MaxInvestorLength} 字");
        Check("Sector", string.IsNullOrWhiteSpace(r.Sector), "请选择产业领域");
        Check("Sector", r.Sector?.Trim().Length > ProjectRequest.MaxSectorLength, $"产业领域不超过 {ProjectRequest.MaxSectorLength} 字");
        Check("CommunityCode", !TerritoryCode.IsValid(r.CommunityCode) || r.CommunityCode.Length != TerritoryCode.LengthOf(TerritoryLevel.Community),
            "所在社区应为 12 位社区编码");
        Check("Location", r.Latitude is < -90 or > 90 || r.Longitude is < -180 or > 180 || (r.Latitude == 0 && r.Longitude == 0) || double.IsNaN(r.Latitude) || double.IsNaN(r.Longitude),
            "请在地图上标出项目位置（经纬度无效）");
        Check("Boundary", r.Boundary?.Length > ProjectRequest.MaxBoundaryLength, "项目红线范围过大");
        Check("PlannedInvestment", r.PlannedInvestment is not { IsPositive: true }, "请填写大于 0 的计划总投资");
        Check("PlannedInvestment", r.PlannedInvestment > ProjectRequest.MaxInvestment, "计划总投资超过 1000 亿元，请核对单位（万元）");
        Check("YearPlans", r.YearPlans.GroupBy(p => p.Year).Any(g => g.Count() > 1), "年度计划的年份重复");
        Check("YearPlans", r.YearPlans.Any(p => p.Year is < 2000 or > 2100 || p.Planned.Fen < 0), "年度计划应为 2000–2100 年、不小于 0 的金额");
        Check("YearPlans", r.PlannedInvestment is { } total && r.YearPlans.Aggregate(Money.Zero, (s, p) => s + p.Planned) > total, "各年度计划投资之和超过计划总投资");
        Check("ContactName", r.ContactName?.Trim().Length > ProjectRequest.MaxContactNameLength, $"联系人不超过 {ProjectRequest.MaxContactNameLength} 字");
        Check("ContactPhone", !string.IsNullOrWhiteSpace(r.ContactPhone) && !PhoneNumber.TryNormalise(r.ContactPhone, out _, out _), "联系电话应为以1开头的11位手机号");
        return refusals;
    }

    /// <summary>The refusals of a new project's gates: a signing date, plans in order, actual dates in order and not after today.</summary>
    public static IReadOnlyList<FieldRefusal> Gates(IReadOnlyList<GateDates> gates, DateOnly today)
    {
        var refusals = new List<FieldRefusal>();
        if (gates.GroupBy(g => g.Stage).Any(g => g.Count() > 1))
        {
            return [new("Gates", "同一阶段填写了两次")];
        }
        if (gates.FirstOrDefault(g => g.Stage == ProjectStage.Signed)?.ReachedOn is null)
        {
            refusals.Add(new("Reached.Signed", "请填写签约日期"));
        }
        if (GateRules.PlannedOutOfOrder(gates) is { } planned)
        {
            refusals.Add(new("Planned", planned));
        }
        if (GateRules.ReachedOutOfOrder(gates, today) is { } reached)
        {
            refusals.Add(new("Reached", reached));
        }
        return refusals;
    }
}
