using CivicGrid.App.Data;
using CivicGrid.App.Enterprises.Sweeps;
using CivicGrid.Core.Access;
using CivicGrid.Core.Enterprises.Sweeps;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Imports;

/// <summary>
/// Runners' buildings (助跑员楼宇分配) through the import pipeline: a building by its code, the runner by user name, and
/// from when (today when blank). Each building must be an office building of a business community the importer
/// reaches and the runner one of that community; a row that gives a building to the runner who already has it is
/// unchanged; any other hands the building over, as assigning on the page does. Business-community staff import for
/// their own community only, as they assign on the page: a building of another community is a row error.
/// </summary>
public sealed class RunnerAssignmentImporter(CivicGridDbContext db, AssignBuildingsHandler assign) : Importer<RunnerAssignmentImporter.Row>
{
    public sealed record Row(string? BuildingCode, string? Runner, DateOnly? Since)
    {
        public bool Complete => BuildingCode is not null && Runner is not null;
    }

    private sealed record Office(int Id, string Code, int Community);

    private sealed record Runner(string Id, string NormalizedUserName, int? Community);

    private static readonly ImportColumn BuildingColumn = new("buildingCode", "楼栋编号", true, "楼宇编号", "Building code");
    private static readonly ImportColumn RunnerColumn = new("runner", "助跑员用户名", true, "助跑员", "用户名", "Runner");
    private static readonly ImportColumn SinceColumn = new("since", "起始日期", false, "分配日期", "Since");

    public override ImportKind Kind => ImportKind.RunnerAssignments;

    public override IReadOnlyList<ImportColumn> Columns { get; } = [BuildingColumn, RunnerColumn, SinceColumn];

    public override bool MayImport(StaffRole role) => role.May(Permission.KeepEnterpriseLists);

    protected override Row? Parse(ImportRow row) => new(row.Text(BuildingColumn, 40), row.Text(RunnerColumn, 50), row.Date(SinceColumn));

    protected override async Task<ImportPlan> PlanAsync(IReadOnlyList<(int Row, Row Value)> rows, List<ImportError> errors, CancellationToken ct)
    {
        var complete = rows.Where(r => r.Value.Complete).ToList();
        Chunks.RejectDuplicates(complete, r => r.BuildingCode!, BuildingColumn.Header, "楼栋", errors);
        var offices = await Chunks.LookupAsync(complete.Select(r => r.Value.BuildingCode!),
            codes => Offices().Where(b => codes.Contains(b.Code)).Select(b => new Office(b.Id, b.Code, b.BusinessCommunityId!.Value)).ToListAsync(ct), o => o.Code);
        var runners = await Chunks.LookupAsync(complete.Select(r => r.Value.Runner!.ToUpperInvariant()),
            names => Runners().Where(u => names.Contains(u.NormalizedUserName!)).Select(u => new Runner(u.Id, u.NormalizedUserName!, u.BusinessCommunityId)).ToListAsync(ct), u => u.NormalizedUserName);
        var today = db.Clock.Today();
        var planned = new List<(string Runner, int Building, DateOnly Since)>();
        foreach (var (number, row) in complete)
        {
            var office = offices.GetValueOrDefault(row.BuildingCode!);
            var runner = runners.GetValueOrDefault(row.Runner!.ToUpperInvariant());
            if (office is null)
            {
                errors.Add(new ImportError(number, BuildingColumn.Header, $"楼栋“{row.BuildingCode}”不存在，或不是您管辖范围内商务社区的楼宇"));
            }
            if (runner is null)
            {
                errors.Add(new ImportError(number, RunnerColumn.Header, $"助跑员“{row.Runner}”不存在，或不在您的管辖范围内"));
            }
            else if (office is not null && runner.Community != office.Community)
            {
                errors.Add(new ImportError(number, RunnerColumn.Header, $"助跑员“{row.Runner}”不属于该楼宇所在的商务社区"));
            }
            else if (office is not null)
            {
                planned.Add((runner.Id, office.Id, row.Since ?? today));
            }
        }
        var ids = planned.Select(p => p.Building).ToList();
        var held = await db.RunnerAssignments.AsNoTracking().Where(a => ids.Contains(a.BuildingId)).ToListAsync(ct);
        var inserts = planned.Where(p => !held.Any(a => a.Covers(p.Runner, p.Building, p.Since) && a.Until == null)).ToList();
        return new ImportPlan(rows.Count, inserts.Count, 0, planned.Count - inserts.Count, (progress, token) => ApplyAsync(inserts, progress, token));
    }

    /// <summary>Office buildings of business communities in reach (a community's staff reach their own community's only: the buildings' filter).</summary>
    private IQueryable<Core.Territory.Building> Offices() => db.Buildings.Where(b => b.BusinessCommunityId != null);

    private IQueryable<Access.StaffUser> Runners()
    {
        var place = db.Jurisdiction.PlaceScopeCode;
        return db.Users.Where(u => u.Role == StaffRole.Runner && u.DisabledAt == null && u.ScopeCode.StartsWith(place));
    }

    private async Task ApplyAsync(List<(string Runner, int Building, DateOnly Since)> inserts, IProgress<int>? progress, CancellationToken ct)
    {
        foreach (var slice in inserts.Chunk(500))
        {
            foreach (var (runner, building, since) in slice)
            {
                await assign.AssignAsync(runner, [building], since, ct);
                await db.SaveChangesAsync(ct);
            }
            db.ChangeTracker.Clear();
            progress?.Report(slice.Length);
        }
    }
}
