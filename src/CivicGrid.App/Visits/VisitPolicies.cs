using CivicGrid.App.Data;
using CivicGrid.App.PublicServices.Rules;
using CivicGrid.Core.Access;
using CivicGrid.Core.Visits;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Visits;

/// <summary>The district's visit policy as staff read it, with how many households of their subtree it puts on each cycle.</summary>
public sealed record GetVisitPolicy;

public sealed record VisitPolicyView(string AttentionRule, int AttentionEveryMonths, int OthersEveryMonths, DateOnly Since, string? UpdatedBy, DateTime? UpdatedAt, bool MayEdit);

/// <summary>
/// A change to the visit policy (走访频次设置): the rule that selects households of attention, the two cycles in months
/// and the day the plan started. The district's setting, so district administrators make it.
/// </summary>
public sealed record SaveVisitPolicy(string? AttentionRule, int? AttentionEveryMonths, int? OthersEveryMonths, DateOnly? Since);

public sealed class GetVisitPolicyHandler(CivicGridDbContext db, VisitPlanReader reader)
{
    public async Task<Outcome<VisitPolicyView>> HandleAsync(GetVisitPolicy query, CancellationToken ct)
    {
        if (!VisitScope.May(db.Jurisdiction))
        {
            return Outcome<VisitPolicyView>.Forbidden(VisitScope.Refusal);
        }
        var p = await reader.PolicyAsync(ct);
        return Outcome<VisitPolicyView>.Ok(new VisitPolicyView(p.AttentionRule, p.AttentionEveryMonths, p.OthersEveryMonths, p.Since, p.UpdatedBy, p.UpdatedAt,
            db.Jurisdiction.Role.May(Permission.AdministerDistrict)));
    }
}

public sealed class SaveVisitPolicyHandler(CivicGridDbContext db, RuleBook rules)
{
    public const string Refusal = "只有区级管理员可以修改走访频次";

    public async Task<Outcome<VisitPolicyView>> HandleAsync(SaveVisitPolicy command, CancellationToken ct)
    {
        if (!db.Jurisdiction.Role.May(Permission.AdministerDistrict))
        {
            return Outcome<VisitPolicyView>.Forbidden(Refusal);
        }
        var errors = new FieldErrors();
        foreach (var (field, reason) in VisitPolicy.CheckCycles(command.AttentionEveryMonths, command.OthersEveryMonths, command.Since, db.Clock.Today()))
        {
            errors[field] = [reason];
        }
        var text = command.AttentionRule?.Trim() ?? "";
        string? canonical = null;
        if (text.Length == 0 || text.Length > VisitPolicy.MaxRuleLength)
        {
            errors["attentionRule"] = [$"请用 1 到 {VisitPolicy.MaxRuleLength} 个字符写明重点户条件"];
        }
        else
        {
            var check = RuleBook.CheckDraft(text, await rules.ContextAsync(ct));
            canonical = check.Canonical;
            if (check.Rule is null)
            {
                errors["attentionRule"] = [.. check.Errors.Select(e => e.Describe(text))];
            }
        }
        if (errors.Count > 0)
        {
            return Outcome<VisitPolicyView>.Invalid(errors);
        }
        var policy = await db.VisitPolicies.FirstOrDefaultAsync(ct);
        if (policy is null)
        {
            policy = VisitPolicy.Default();
            db.VisitPolicies.Add(policy);
        }
        policy.AttentionRule = canonical!.Length <= VisitPolicy.MaxRuleLength ? canonical : text;
        policy.AttentionEveryMonths = command.AttentionEveryMonths!.Value;
        policy.OthersEveryMonths = command.OthersEveryMonths!.Value;
        policy.Since = command.Since!.Value;
        policy.UpdatedBy = db.Jurisdiction.ActorName;
        policy.UpdatedAt = db.Clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return Outcome<VisitPolicyView>.Ok(new VisitPolicyView(policy.AttentionRule, policy.AttentionEveryMonths, policy.OthersEveryMonths, policy.Since,
            policy.UpdatedBy, policy.UpdatedAt, true));
    }
}
