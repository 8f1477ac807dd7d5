using CivicGrid.App.Data;
using CivicGrid.Core.Cases;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Projects;

/// <summary>
/// Adds the blockers' deliberation items (重大项目, 1001–1007) and the departments that remove them to a database whose
/// list was seeded before they existed; items and departments already there, edited or not, are left as they are.
/// </summary>
public static class ProjectReferenceData
{
    public static async Task EnsureAsync(CivicGridDbContext db, CancellationToken ct)
    {
        var departments = await db.Departments.Select(d => d.Code).ToListAsync(ct);
        db.Departments.AddRange(DeliberationList.ProjectDepartments().Where(d => !departments.Contains(d.Code)));
        var items = await db.DeliberationItems.Select(i => i.Code).ToListAsync(ct);
        db.DeliberationItems.AddRange(DeliberationList.ProjectBlockers().Where(i => !items.Contains(i.Code)));
        await db.SaveChangesAsync(ct);
    }
}
