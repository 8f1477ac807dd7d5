using CivicGrid.App.Data;
using CivicGrid.App.Data.Scopes;
using CivicGrid.Core.Access;
using CivicGrid.Core.Projects;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Projects;

/// <summary>The project a move or a progress record is for, as the caller's scope sees it.</summary>
internal static class ProjectsInScope
{
    /// <summary>
    /// The project with its gates, or why not: not there at all (404), or — for a cadre — another group's project,
    /// refused in words so the cadre knows it is not a slip of the list.
    /// </summary>
    public static async Task<(MajorProject? Project, Outcome<T>? Refusal)> FindAsync<T>(CivicGridDbContext db, int id, CancellationToken ct)
    {
        var project = await db.MajorProjects.Include(p => p.Gates).FirstOrDefaultAsync(p => p.Id == id, ct);
        if (project is not null)
        {
            return (project, null);
        }
        var elsewhere = db.Jurisdiction.Role.May(Permission.FollowProjects)
            && await db.DistrictChecks().MajorProjects.AnyAsync(p => p.Id == id, ct);
        return (null, elsewhere ? Outcome<T>.Forbidden(ProjectPermissions.OtherGroup) : Outcome<T>.NotFound());
    }
}
