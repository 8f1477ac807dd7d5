using CivicGrid.App.Data;
using CivicGrid.Core.Access;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Enterprises.Sweeps;

/// <summary>The runner accounts the actor may give buildings to.</summary>
public sealed record ListRunners;

public sealed record RunnerChoice(string UserName, string DisplayName, int? BusinessCommunityId);

public sealed class ListRunnersHandler(CivicGridDbContext db)
{
    public async Task<IReadOnlyList<RunnerChoice>> HandleAsync(ListRunners query, CancellationToken ct) =>
        db.Jurisdiction.Role.May(Permission.KeepEnterpriseLists)
            ? await SweepScope.Runners(db).AsNoTracking().OrderBy(u => u.UserName)
                .Select(u => new RunnerChoice(u.UserName!, u.DisplayName, u.BusinessCommunityId)).ToListAsync(ct)
            : [];
}
