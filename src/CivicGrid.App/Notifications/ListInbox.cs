using CivicGrid.App.Data;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Notifications;

public sealed record ListInbox(int Page = 1, int PageSize = 20);

public sealed record InboxItem(long Id, string Title, string Body, string? Link, DateTimeOffset CreatedAt, bool Read);

public sealed record InboxView(Page<InboxItem> Messages, int Unread);

/// <summary>The signed-in account's own messages, newest first. Nobody reads another account's inbox, whatever their role.</summary>
public sealed class ListInboxHandler(CivicGridDbContext db)
{
    public async Task<InboxView> HandleAsync(ListInbox query, CancellationToken ct)
    {
        var size = Page<InboxItem>.Clamp(query.PageSize);
        var page = Math.Max(1, query.Page);
        var mine = Mine();
        var total = await mine.CountAsync(ct);
        var rows = await mine.OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id).Skip((page - 1) * size).Take(size).ToListAsync(ct);
        var items = rows.ConvertAll(m => new InboxItem(m.Id, m.Title, m.Body, m.Link, DistrictTime.ToDistrictTime(m.CreatedAt), m.ReadAt is not null));
        return new InboxView(new Page<InboxItem>(items, page, size, total), await UnreadAsync(ct));
    }

    public Task<int> UnreadAsync(CancellationToken ct) => Mine().CountAsync(m => m.ReadAt == null, ct);

    private IQueryable<InboxMessage> Mine()
    {
        var me = db.Jurisdiction.UserId ?? "~";
        return db.InboxMessages.AsNoTracking().Where(m => m.UserId == me);
    }
}
