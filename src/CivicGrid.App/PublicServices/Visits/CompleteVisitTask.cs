using CivicGrid.App.Data;
using CivicGrid.Core.Access;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.PublicServices.Visits;

/// <summary>The grid worker records a visit as done, with what they found.</summary>
public sealed record CompleteVisitTask(int Id, string? Note);

public sealed class CompleteVisitTaskHandler(CivicGridDbContext db)
{
    public async Task<Outcome<int>> HandleAsync(CompleteVisitTask command, CancellationToken ct)
    {
        if (!db.Jurisdiction.Role.ManagesPeople())
        {
            return Outcome<int>.Forbidden("当前角色无权办理走访任务");
        }
        if (command.Note?.Length > 1000)
        {
            return Outcome<int>.Invalid(nameof(command.Note), "走访记录最多1000个字符");
        }
        var task = await db.VisitTasks.FirstOrDefaultAsync(t => t.Id == command.Id, ct);
        if (task is null)
        {
            return Outcome<int>.NotFound();
        }
        if (task.DoneAt is not null)
        {
            return Outcome<int>.Invalid(nameof(command.Id), "该走访任务已完成");
        }
        task.DoneAt = db.Clock.GetUtcNow().UtcDateTime;
        task.DoneBy = db.Jurisdiction.ActorName;
        task.Note = string.IsNullOrWhiteSpace(command.Note) ? null : command.Note.Trim();
        await db.SaveChangesAsync(ct);
        return Outcome<int>.Ok(task.Id);
    }
}
