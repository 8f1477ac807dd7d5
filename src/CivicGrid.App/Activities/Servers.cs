using CivicGrid.App.Data;
using CivicGrid.Core.Activities;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Activities;

/// <summary>A volunteer of the jurisdiction serves a session as teacher or helper (授课/协助).</summary>
public sealed record AssignServer(int SessionId, int? VolunteerId, ServingRole? Role);

public sealed record ServerAssigned(int SessionId, int VolunteerId, ServingRole Role);

public sealed class AssignServerHandler(CivicGridDbContext db)
{
    public async Task<Outcome<ServerAssigned>> HandleAsync(AssignServer c, CancellationToken ct)
    {
        if (!db.MayOrganise())
        {
            return Outcome<ServerAssigned>.Forbidden(ActivityParts.NotOrganiser);
        }
        var session = await db.SessionAsync(c.SessionId, ct);
        if (session is null)
        {
            return Outcome<ServerAssigned>.NotFound();
        }
        if (session.Status is SessionStatus.Held or SessionStatus.Cancelled)
        {
            return Outcome<ServerAssigned>.Invalid("sessionId", $"本场{session.Status.ChineseName()}，不能再安排志愿者");
        }
        if (c.Role is not { } role || !Enum.IsDefined(role))
        {
            return Outcome<ServerAssigned>.Invalid("role", "请选择授课或协助");
        }
        if (c.VolunteerId is not { } volunteerId || !await db.Volunteers.AnyAsync(v => v.Id == volunteerId, ct))
        {
            return Outcome<ServerAssigned>.Invalid("volunteerId", "请选择本辖区的志愿者");
        }
        if (session.Servers.FirstOrDefault(s => s.VolunteerId == volunteerId) is { } existing)
        {
            existing.Role = role;
        }
        else
        {
            session.Servers.Add(new SessionServer { SessionId = session.Id, VolunteerId = volunteerId, Role = role });
        }
        await db.SaveChangesAsync(ct);
        return Outcome<ServerAssigned>.Ok(new ServerAssigned(session.Id, volunteerId, role));
    }
}
