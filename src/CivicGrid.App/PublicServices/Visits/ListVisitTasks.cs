using CivicGrid.App.Data;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.PublicServices.Visits;

public sealed record VisitTaskRow(int Id, int ResidentId, string ResidentName, string GridCode, string Reason, DateTime CreatedAt, DateTime? DoneAt, string? Note);

/// <summary>The visits owed in the caller's jurisdiction, open ones first, oldest first.</summary>
public sealed record ListVisitTasks(bool IncludeDone = false, int PageNumber = 1, int PageSize = 50);

public sealed class ListVisitTasksHandler(CivicGridDbContext db)
{
    public async Task<Page<VisitTaskRow>> HandleAsync(ListVisitTasks query, CancellationToken ct)
    {
        var tasks = db.VisitTasks.AsNoTracking();
        if (!query.IncludeDone)
        {
            tasks = tasks.Where(t => t.DoneAt == null);
        }
        var size = Page<VisitTaskRow>.Clamp(query.PageSize);
        var number = Math.Max(1, query.PageNumber);
        var total = await tasks.CountAsync(ct);
        var rows = await tasks.OrderBy(t => t.DoneAt != null).ThenBy(t => t.CreatedAt).ThenBy(t => t.Id)
            .Skip((number - 1) * size).Take(size)
            .Join(db.Residents, t => t.ResidentId, r => r.Id, (t, r) => new VisitTaskRow(t.Id, t.ResidentId, r.Name, t.GridCode, t.Reason, t.CreatedAt, t.DoneAt, t.Note))
            .ToListAsync(ct);
        return new Page<VisitTaskRow>(rows, number, size, total);
    }
}
