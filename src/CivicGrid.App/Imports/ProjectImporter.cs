using CivicGrid.App.Data;
using CivicGrid.App.Data.Scopes;
using CivicGrid.App.Projects;
using CivicGrid.App.Security;
using CivicGrid.Core.Access;
using CivicGrid.Core.Enterprises;
using CivicGrid.Core.People;
using CivicGrid.Core.Projects;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Imports;

/// <summary>
/// The portfolio of major projects (重大项目) from a spreadsheet, keyed by project code. A new code registers the project
/// with its gates (planned and actual dates per stage), checked as the form checks them: dates out of order, an actual
/// date after today, an unknown community or service group are row errors and nothing is saved. A known code revises
/// the facts; its gates move on the project page, so the file's dates for it are not applied.
/// </summary>
public sealed class ProjectImporter(CivicGridDbContext db, PersonalDataProtector protector) : Importer<ProjectImporter.Row>
{
    public sealed record Row(ProjectRequest Request, string? Community, string? Group);

    private static readonly ImportColumn CodeColumn = new("code", "项目编号", true, "Code");
    private static readonly ImportColumn NameColumn = new("name", "项目名称", true, "Name");
    private static readonly ImportColumn InvestorColumn = new("investor", "投资主体", true, "Investor");
    private static readonly ImportColumn SectorColumn = new("sector", "产业领域", true, "Sector");
    private static readonly ImportColumn CommunityColumn = new("community", "所在社区", true, "社区编码", "Community");
    private static readonly ImportColumn LatitudeColumn = new("latitude", "纬度", true, "Latitude");
    private static readonly ImportColumn LongitudeColumn = new("longitude", "经度", true, "Longitude");
    private static readonly ImportColumn InvestmentColumn = new("plannedWan", "计划总投资（万元）", true, "计划总投资", "Planned investment");
    private static readonly ImportColumn GroupColumn = new("serviceGroup", "专项服务组", false, "Service group");
    private static readonly ImportColumn ContactColumn = new("contactName", "联系人", false, "Contact");
    private static readonly ImportColumn PhoneColumn = new("contactPhone", "联系电话", false, "Phone");

    private static readonly IReadOnlyList<(ProjectStage Stage, ImportColumn Planned, ImportColumn Reached)> GateColumns =
        ProjectNames.Stages.Select(s => (s,
            new ImportColumn($"planned{s}", $"{s.ChineseName()}计划日期", false, $"{s} planned"),
            new ImportColumn($"reached{s}", s == ProjectStage.Signed ? "签约日期" : $"{s.ChineseName()}实际日期", s == ProjectStage.Signed, $"{s} reached"))).ToList();

    public override ImportKind Kind => ImportKind.Projects;

    public override IReadOnlyList<ImportColumn> Columns { get; } =
    [
        CodeColumn, NameColumn, InvestorColumn, SectorColumn, CommunityColumn, LatitudeColumn, LongitudeColumn, InvestmentColumn, GroupColumn,
        ContactColumn, PhoneColumn, .. GateColumns.SelectMany(g => g.Stage == ProjectStage.Signed ? new[] { g.Reached } : [g.Planned, g.Reached]),
    ];

    public override bool MayImport(StaffRole role) => role.MayKeep();

    protected override Row? Parse(ImportRow row)
    {
        var code = row.PlainText(CodeColumn, ProjectRequest.MaxCodeLength);
        var name = row.PlainText(NameColumn, ProjectRequest.MaxNameLength);
        var investor = row.PlainText(InvestorColumn, ProjectRequest.MaxInvestorLength);
        var sector = row.PlainText(SectorColumn, ProjectRequest.MaxSectorLength);
        var community = row.Text(CommunityColumn, 50);
        var latitude = row.Decimal(LatitudeColumn, -90, 90);
        var longitude = row.Decimal(LongitudeColumn, -180, 180);
        var wan = row.Decimal(InvestmentColumn, 0, 10_000_000);
        var group = row.Text(GroupColumn, ServiceGroup.MaxNameLength);
        var contact = row.PlainText(ContactColumn, ProjectRequest.MaxContactNameLength);
        var phone = row.Text(PhoneColumn, 20);
        if (phone is not null && !PhoneNumber.TryNormalise(phone, out _, out var reason))
        {
            row.Error(PhoneColumn, reason);
        }
        if (!Money.TryFromTenThousandYuan((decimal?)wan, out var planned, out var money))
        {
            row.Error(InvestmentColumn, money);
        }
        var gates = GateColumns.Select(g => new GateDates(g.Stage, g.Stage == ProjectStage.Signed ? null : row.Date(g.Planned), row.Date(g.Reached)))
            .Where(g => g.PlannedOn is not null || g.ReachedOn is not null).ToList();
        if (row.HasErrors || code is null || name is null || investor is null || sector is null || community is null || latitude is null || longitude is null)
        {
            return null;
        }
        return new Row(new ProjectRequest(code, name, investor, sector, community, latitude.Value, longitude.Value)
        {
            PlannedInvestment = planned, ContactName = contact, ContactPhone = phone, Gates = gates,
        }, community, group);
    }

    protected override async Task<ImportPlan> PlanAsync(IReadOnlyList<(int Row, Row Value)> rows, List<ImportError> errors, CancellationToken ct)
    {
        var references = await ProjectReferences.LoadAsync(db, ct);
        var groups = references.Groups.ToDictionary(g => g.Value, g => g.Key);
        var codes = rows.Select(r => r.Value.Request.Code).ToList();
        var existing = await db.DistrictChecks().MajorProjects.Where(p => codes.Contains(p.Code)).Select(p => p.Code).ToListAsync(ct);
        var known = await db.MajorProjects.Where(p => existing.Contains(p.Code)).ToDictionaryAsync(p => p.Code, ct);
        var today = db.Clock.Today();
        var now = db.Clock.GetUtcNow().UtcDateTime;
        var seen = new Dictionary<string, int>();
        var inserts = new List<MajorProject>();
        var (updates, unchanged) = (0, 0);
        foreach (var (number, row) in rows)
        {
            var before = errors.Count;
            var request = Resolve(number, row, references, groups, errors);
            if (!seen.TryAdd(request.Code, number))
            {
                errors.Add(new ImportError(number, CodeColumn.Header, $"项目编号与第{seen[request.Code]}行重复"));
                continue;
            }
            if (existing.Contains(request.Code) && !known.ContainsKey(request.Code))
            {
                errors.Add(new ImportError(number, CodeColumn.Header, "项目编号已被您管辖范围外的项目使用"));
                continue;
            }
            var refusals = known.TryGetValue(request.Code, out var project) ? project.Revise(request, now) : Register(request, today, now, out project);
            foreach (var refusal in refusals)
            {
                errors.Add(new ImportError(number, ColumnOf(refusal.Field), refusal.Reason));
            }
            if (errors.Count > before || project is null)
            {
                continue;
            }
            Protect(project, request.ContactPhone);
            if (known.ContainsKey(request.Code))
            {
                updates++;
            }
            else
            {
                inserts.Add(project);
            }
        }
        return new ImportPlan(rows.Count, inserts.Count, updates, unchanged, async (progress, token) =>
        {
            db.MajorProjects.AddRange(inserts);
            await db.SaveChangesAsync(token);
            progress?.Report(inserts.Count + updates);
        });
    }

    private IReadOnlyList<FieldRefusal> Register(ProjectRequest request, DateOnly today, DateTime now, out MajorProject? project)
    {
        (project, var refusals) = MajorProject.Register(request, db.Jurisdiction.ActorName, today, now);
        return refusals;
    }

    /// <summary>The row's community (by code, or by a name that is unique) and service group (by name) resolved, errors added.</summary>
    private static ProjectRequest Resolve(int number, Row row, ProjectReferences references, Dictionary<string, int> groups, List<ImportError> errors)
    {
        var request = row.Request;
        var community = references.Communities.ContainsKey(row.Community!) ? row.Community
            : references.Communities.Where(c => c.Value == row.Community).Select(c => c.Key).ToList() is [var only] ? only : null;
        if (community is null)
        {
            errors.Add(new ImportError(number, CommunityColumn.Header, $"找不到社区“{row.Community}”（请填写 12 位社区编码，或不重名的社区名称）"));
        }
        int? group = null;
        if (row.Group is not null && !groups.TryGetValue(row.Group, out var id))
        {
            errors.Add(new ImportError(number, GroupColumn.Header, $"找不到专项服务组“{row.Group}”"));
        }
        else if (row.Group is not null)
        {
            group = groups[row.Group];
        }
        return request with { CommunityCode = community ?? "000000000000", ServiceGroupId = group };
    }

    private void Protect(MajorProject project, string? phone)
    {
        if (phone is not null && PhoneNumber.TryNormalise(phone, out var normalised, out _))
        {
            project.ContactPhoneCipher = protector.Encrypt(normalised);
            project.ContactPhoneMasked = PersonalDataMask.Phone(normalised);
        }
    }

    private static string ColumnOf(string field) => field switch
    {
        "Code" => CodeColumn.Header,
        "Name" => NameColumn.Header,
        "Investor" => InvestorColumn.Header,
        "Sector" => SectorColumn.Header,
        "CommunityCode" => CommunityColumn.Header,
        "Location" => LatitudeColumn.Header,
        "PlannedInvestment" => InvestmentColumn.Header,
        "ContactName" => ContactColumn.Header,
        "ContactPhone" => PhoneColumn.Header,
        "Reached.Signed" => "签约日期",
        "Planned" => "计划日期",
        "Reached" => "实际日期",
        _ => field,
    };
}
