using CivicGrid.App.Data;
using CivicGrid.App.PublicServices.Rules;
using CivicGrid.Core.Activities;
using CivicGrid.Core.Territory;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Activities;

/// <summary>
/// A new activity or training at a facility, as drafts: one session, or a series (<see cref="SessionSeries"/>).
/// <paramref name="FirstStart"/> is the district's local time. The audience rule is checked as a service's rule is.
/// </summary>
public sealed record SaveActivity(int? FacilityId, ActivityKind? Kind, string? Title, string? Description, string? AudienceRule, int? Capacity,
    bool VolunteerTask, DateTime? FirstStart, int? Minutes, int? Count = 1, int? IntervalDays = 7);

public sealed record ActivityCreated(int Id, IReadOnlyList<int> SessionIds);

public sealed class SaveActivityHandler(CivicGridDbContext db)
{
    public async Task<Outcome<ActivityCreated>> HandleAsync(SaveActivity c, CancellationToken ct)
    {
        if (!db.MayOrganise())
        {
            return Outcome<ActivityCreated>.Forbidden(ActivityParts.NotOrganiser);
        }
        var errors = new FieldErrors();
        var title = (c.Title ?? "").Trim();
        if (title.Length == 0 || title.Length > Activity.MaxTitleLength)
        {
            errors["title"] = [$"请填写名称（不超过{Activity.MaxTitleLength}字）"];
        }
        if (c.Kind is null || !Enum.IsDefined(c.Kind.Value))
        {
            errors["kind"] = ["请选择类别"];
        }
        if (c.Capacity is not (>= 1 and <= Activity.MaxCapacity))
        {
            errors["capacity"] = [$"名额须在1到{Activity.MaxCapacity}之间"];
        }
        if ((c.Description ?? "").Length > Activity.MaxDescriptionLength)
        {
            errors["description"] = [$"介绍不超过{Activity.MaxDescriptionLength}字"];
        }
        if (c.FirstStart is null)
        {
            errors["firstStart"] = ["请填写开始时间"];
        }
        var series = new SessionSeries(c.FirstStart ?? default, c.Minutes ?? 0, c.Count ?? 1, c.IntervalDays ?? 7);
        if (series.Refusal() is { } wrong)
        {
            errors[wrong.Field] = [wrong.Reason];
        }
        var rule = (c.AudienceRule ?? "").Trim();
        if (rule.Length > Activity.MaxRuleLength)
        {
            errors["audienceRule"] = [$"参与条件不超过{Activity.MaxRuleLength}字"];
        }
        else if (rule.Length > 0)
        {
            var check = RuleBook.CheckDraft(rule, await new RuleBook(db).ContextAsync(ct));
            if (check.Errors.Count > 0)
            {
                errors["audienceRule"] = ["参与条件有误：" + string.Join("；", check.Errors.Select(e => e.Describe(rule)))];
            }
            rule = check.Canonical ?? rule;
        }
        var facility = c.FacilityId is { } fid
            ? await db.Facilities.AsNoTracking().Where(f => f.Id == fid).Select(f => new { f.GridCode }).FirstOrDefaultAsync(ct)
            : null;
        var scope = db.Jurisdiction.ScopeCode;
        if (facility is null || !facility.GridCode.StartsWith(scope, StringComparison.Ordinal))
        {
            errors["facilityId"] = ["请选择本辖区内的阵地"];
        }
        if (errors.Count > 0)
        {
            return Outcome<ActivityCreated>.Invalid(errors);
        }
        var community = facility!.GridCode[..TerritoryCode.LengthOf(TerritoryLevel.Community)];
        var now = db.Clock.GetUtcNow().UtcDateTime;
        var activity = new Activity
        {
            CommunityCode = community, FacilityId = c.FacilityId!.Value, Kind = c.Kind!.Value, Title = title, Description = (c.Description ?? "").Trim(),
            AudienceRule = rule, Capacity = c.Capacity!.Value, VolunteerTask = c.VolunteerTask, CreatedBy = db.Jurisdiction.ActorName, CreatedAt = now,
        };
        foreach (var start in series.Starts())
        {
            var utc = TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(start, DateTimeKind.Unspecified), DistrictTime.Zone);
            activity.Sessions.Add(new ActivitySession { CommunityCode = community, StartsAt = utc, Minutes = series.Minutes, Status = SessionStatus.Draft });
        }
        db.Activities.Add(activity);
        await db.SaveChangesAsync(ct);
        return Outcome<ActivityCreated>.Ok(new ActivityCreated(activity.Id, activity.Sessions.Select(s => s.Id).ToList()));
    }
}
