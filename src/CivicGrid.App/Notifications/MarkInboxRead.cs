using CivicGrid.App.Data;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Notifications;

/// <summary>Marks one message, or with no id all of them, as read.</summary>
public sealed record MarkInboxRead(long? Id = null);

public sealed class MarkInboxReadHandler(CivicGridDbContext db)
{
    /// <returns>How many messages became read; not found for a message that is not the caller's.</returns>
    public async Task<Outcome<int>> HandleAsync(MarkInboxRead command, CancellationToken ct)
    {
        var me = db.Jurisdiction.UserId ?? "~";
        var mine = db.InboxMessages.Where(m => m.UserId == me);
        if (command.Id is { } id)
        {
            if (!await mine.AnyAsync(m => m.Id == id, ct))
            {
                return Outcome<int>.NotFound();
            }
            mine = mine.Where(m => m.Id == id);
        }
        var now = db.Clock.GetUtcNow().UtcDateTime;
        var marked = await mine.Where(m => m.ReadAt == null).ExecuteUpdateAsync(s => s.SetProperty(m => m.ReadAt, now), ct);
        return Outcome<int>.Ok(marked);
    }
}
