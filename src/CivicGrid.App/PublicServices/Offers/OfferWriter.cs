using CivicGrid.App.Data;
using CivicGrid.App.Data.Scopes;
using CivicGrid.App.Notifications;
using CivicGrid.Core.PublicServices;
using CivicGrid.Core.PublicServices.Catalogue;
using CivicGrid.Core.PublicServices.Enrolment;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.PublicServices.Offers;

/// <summary>A resident to offer a service to.</summary>
public sealed record OfferTarget(int ResidentId, string GridCode);

/// <summary>
/// Offers a service to residents newly entitled to it (免申即享): an enrolment in the offered state, a message in the
/// inbox of the resident's account and an e-mail where it has an address, and a visit task for the grid worker.
/// Everything is added to the context; the caller saves, so the offer commits with the change that caused it.
/// </summary>
public sealed class OfferWriter(CivicGridDbContext db)
{
    public async Task<int> OfferAsync(ServiceItem service, IReadOnlyCollection<OfferTarget> targets, EnrolmentSource source, CancellationToken ct)
    {
        if (targets.Count == 0)
        {
            return 0;
        }
        var ids = targets.Select(t => t.ResidentId).ToList();
        var reached = await db.SystemWork().ServiceEnrolments
            .Where(e => e.ServiceItemId == service.Id && ids.Contains(e.ResidentId)).Select(e => e.ResidentId).ToListAsync(ct);
        var fresh = targets.ExceptBy(reached, t => t.ResidentId).DistinctBy(t => t.ResidentId).ToList();
        var now = db.Clock.GetUtcNow().UtcDateTime;
        foreach (var target in fresh)
        {
            db.ServiceEnrolments.Add(ServiceEnrolment.Offer(service.Id, target.ResidentId, target.GridCode, source, now));
            db.VisitTasks.Add(new VisitTask
            {
                GridCode = target.GridCode, ResidentId = target.ResidentId, ServiceItemId = service.Id, CreatedAt = now,
                Reason = $"送达服务：{service.Name}（{service.Mode.ChineseName()}）",
            });
        }
        await TellAccountsAsync(service, fresh.Select(t => t.ResidentId).ToList(), now, ct);
        return fresh.Count;
    }

    private async Task TellAccountsAsync(ServiceItem service, List<int> residentIds, DateTime now, CancellationToken ct)
    {
        var accounts = await db.Users.Where(u => u.ResidentId != null && residentIds.Contains(u.ResidentId.Value))
            .Select(u => new { u.Id, u.Email }).ToListAsync(ct);
        var title = $"您可享受：{service.Name}";
        var body = $"{service.Description} 请在“我的服务”中确认是否接受。";
        foreach (var account in accounts)
        {
            db.InboxMessages.Add(new InboxMessage { UserId = account.Id, Title = title, Body = body, Link = "my/services", CreatedAt = now });
            if (!string.IsNullOrWhiteSpace(account.Email))
            {
                db.OutboxMessages.Add(new OutboxMessage
                {
                    Kind = OutboxKind.Email, Target = account.Email, Subject = title, CreatedAt = now, NextAttemptAt = now,
                    Body = $"{title}\r\n\r\n{body}\r\n\r\n登录 CivicGrid 后打开“我的服务”即可接受或谢绝。",
                });
            }
        }
    }
}
