using CivicGrid.App.Data;
using CivicGrid.App.Projects;
using CivicGrid.Core.Enterprises;
using CivicGrid.Core.Projects;
using CivicGrid.Web.Enterprises;

namespace CivicGrid.Web.Projects;

/// <summary>A gate as a body names it: the stage by name, dates as yyyy-MM-dd.</summary>
public sealed record GateBody(string? Stage, DateOnly? PlannedOn, DateOnly? ReachedOn = null);

public sealed record YearPlanBody(int Year, decimal? PlannedWan);

/// <summary>A project as the form or the API sends it: amounts in 万元.</summary>
public sealed record ProjectBody(
    string? Code, string? Name, string? Investor, string? Sector, string? CommunityCode, double? Latitude, double? Longitude, decimal? PlannedWan,
    IReadOnlyList<YearPlanBody?>? YearPlans = null, int? ServiceGroupId = null, string? LeadCadreId = null, string? ContactName = null,
    string? ContactPhone = null, string? Boundary = null, IReadOnlyList<GateBody?>? Gates = null, int? Version = null)
{
    public async Task<Outcome<int>> SendAsync(int? id, SaveProjectHandler handler, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (!Money.TryFromTenThousandYuan(PlannedWan, out var planned, out var reason))
        {
            errors.Add("plannedWan", reason);
        }
        var plans = new List<YearPlan>();
        foreach (var plan in YearPlans ?? [])
        {
            if (plan is null || !Money.TryFromTenThousandYuan(plan.PlannedWan, out var amount, out _) || amount is null)
            {
                errors.Add("yearPlans", "年度计划应填写年份和大于 0 的万元数");
                continue;
            }
            plans.Add(new YearPlan(plan.Year, amount.Value));
        }
        var gates = ProjectBodies.Gates(Gates, errors);
        if (errors.Count > 0)
        {
            return Outcome<int>.Invalid(errors);
        }
        var request = new ProjectRequest(Code ?? "", Name ?? "", Investor ?? "", Sector ?? "", CommunityCode ?? "", Latitude ?? 0, Longitude ?? 0)
        {
            PlannedInvestment = planned, YearPlans = plans, ServiceGroupId = ServiceGroupId, LeadCadreId = LeadCadreId, ContactName = ContactName,
            ContactPhone = ContactPhone, Boundary = Boundary, Gates = gates,
        };
        return await handler.HandleAsync(new SaveProject(id, request, Version), ct);
    }
}

/// <summary>One move of a project as a form or the API sends it.</summary>
public sealed record ProjectMoveBody(string? Action, string? Note = null, string? Stage = null, DateOnly? On = null, IReadOnlyList<GateBody?>? Plans = null, int? Version = null)
{
    public async Task<Outcome<ProjectDetail>> SendAsync(int id, MoveProjectHandler handler, CancellationToken ct)
    {
        if (EnumText.Parse<ProjectAction>(Action) is not { } action)
        {
            return Outcome<ProjectDetail>.Invalid("action", "未知的操作");
        }
        var stage = EnumText.Parse<ProjectStage>(Stage);
        var errors = new FieldErrors();
        if (Stage is not null && stage is null)
        {
            errors.Add("stage", "未知的项目阶段");
        }
        var plans = ProjectBodies.Gates(Plans, errors);
        return errors.Count > 0 ? Outcome<ProjectDetail>.Invalid(errors) : await handler.HandleAsync(new MoveProject(id, action, Note, stage, On, plans, Version), ct);
    }
}

/// <summary>A month's progress as the phone form or the API sends it: the month as its first day, the investment in 万元.</summary>
public sealed record ProgressBody(DateOnly? Month, decimal? InvestmentWan, string? StageReached = null, DateOnly? StageReachedOn = null, string? Note = null,
    IReadOnlyList<string>? Photos = null, bool Confirmed = false)
{
    public async Task<Outcome<int>> SendAsync(int projectId, RecordProgressHandler handler, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (Month is null)
        {
            errors.Add("month", "请选择月份");
        }
        if (InvestmentWan is not { } wan || wan < 0 || wan > 10_000_000m || decimal.Round(wan, 4) != wan)
        {
            errors.Add("investmentWan", "本月完成投资应为不小于 0 的万元数，最多四位小数");
        }
        var stage = EnumText.Parse<ProjectStage>(StageReached);
        if (!string.IsNullOrEmpty(StageReached) && stage is null)
        {
            errors.Add("stageReached", "未知的项目阶段");
        }
        if (errors.Count > 0)
        {
            return Outcome<int>.Invalid(errors);
        }
        var request = new ProgressRequest(projectId, Month!.Value, Money.Yuan((long)(InvestmentWan!.Value * 10_000m)))
        {
            StageReached = stage, StageReachedOn = StageReachedOn, Note = Note, Photos = Photos ?? [], Confirmed = Confirmed,
        };
        return await handler.HandleAsync(new RecordProgress(projectId, request), ct);
    }
}

internal static class ProjectBodies
{
    public static List<GateDates> Gates(IReadOnlyList<GateBody?>? gates, FieldErrors errors)
    {
        var result = new List<GateDates>();
        foreach (var gate in gates ?? [])
        {
            if (gate is null || EnumText.Parse<ProjectStage>(gate.Stage) is not { } stage)
            {
                errors.Add("gates", "节点应注明项目阶段（Signed、Landed、Permitted、Started、Completed、Producing、AtCapacity、ReachedTargets）");
                continue;
            }
            result.Add(new GateDates(stage, gate.PlannedOn, gate.ReachedOn));
        }
        return result;
    }
}
