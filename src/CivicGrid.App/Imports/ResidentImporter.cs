using CivicGrid.App.People;
using CivicGrid.App.Access;
using CivicGrid.App.Data;
using CivicGrid.App.Data.Scopes;
using CivicGrid.App.Security;
using CivicGrid.Core.People;
using CivicGrid.Core.Territory;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Imports;

/// <summary>
/// Residents, keyed by ID number: a row whose person exists updates them, a new one adds them. A district's file is
/// read in chunks; the ID numbers already seen (as numbers, not rows) find a person repeated across chunks.
/// </summary>
public sealed class ResidentImporter(CivicGridDbContext db, PersonalDataProtector protector, BulkInsert bulk) : Importer<ResidentImporter.Row>
{
    /// <summary>The first row of each ID number in this run, keyed by its 17 digits (the 18th is their check digit).</summary>
    private readonly Dictionary<long, int> _seen = [];

    protected override bool Chunked => true;

    protected override void StartRun() => _seen.Clear();

    /// <summary>A parsed row. Name and ID number are missing when their cells were bad: such a row is still checked against
    /// the database (household, grid, tags) so the preview shows all its errors, but it is never written.</summary>
    public sealed record Row(string? Name, IdNumber? IdNumber, string? Phone, ResidenceType ResidenceType, DateOnly? MoveInDate,
        string? HouseholdCode, HouseholdRelation Relation, string? GridCode, IReadOnlyList<string> Tags)
    {
        public string Hash { get; set; } = "";
        public string? PhoneHash { get; set; }
        public int? HouseholdId { get; set; }
        public string ResolvedGrid { get; set; } = "";

        public bool Identified => Name is not null && IdNumber is not null;
    }

    private sealed record HouseholdKey(string Code, int Id, string GridCode);

    private sealed record Existing(int Id, string GridCode, string Name, string? PhoneHash, ResidenceType ResidenceType,
        DateOnly? MoveInDate, int? HouseholdId, HouseholdRelation Relation, string Hash)
    {
        public List<int> TagIds { get; } = [];
    }

    private static readonly ImportColumn NameColumn = new("name", "姓名", true, "Name");
    private static readonly ImportColumn IdColumn = new("idNumber", "身份证号", true, "公民身份号码", "ID number");
    private static readonly ImportColumn PhoneColumn = new("phone", "手机号", false, "联系电话", "Phone");
    private static readonly ImportColumn TypeColumn = new("residenceType", "居住类型", true, "人口类型", "Residence type");
    private static readonly ImportColumn MoveInColumn = new("moveInDate", "迁入日期", false, "Move-in date");
    private static readonly ImportColumn HouseholdColumn = new("householdCode", "户编号", false, "Household code");
    private static readonly ImportColumn RelationColumn = new("relation", "与户主关系", false, "Relation");
    private static readonly ImportColumn GridColumn = new("gridCode", "网格编码", false, "Grid code");
    private static readonly ImportColumn TagsColumn = new("tags", "标签", false, "Tags");

    public override ImportKind Kind => ImportKind.Residents;

    public override IReadOnlyList<ImportColumn> Columns { get; } =
        [NameColumn, IdColumn, PhoneColumn, TypeColumn, MoveInColumn, HouseholdColumn, RelationColumn, GridColumn, TagsColumn];

    protected override Row? Parse(ImportRow row)
    {
        var name = row.FreeText(NameColumn, 50);
        IdNumber? id = null;
        var idText = row.Text(IdColumn, 40);
        if (idText is not null && !IdNumber.TryParse(idText, out id, out var idReason))
        {
            row.Error(IdColumn, idReason);
        }
        string? phone = null;
        var phoneText = row.Text(PhoneColumn, 20);
        if (phoneText is not null && !PhoneNumber.TryNormalise(phoneText, out phone, out var phoneReason))
        {
            row.Error(PhoneColumn, phoneReason);
        }
        var type = ResidenceType.Registered;
        var typeText = row.Text(TypeColumn, 10);
        if (typeText is not null && !ResidenceTypes.TryParse(typeText, out type))
        {
            row.Error(TypeColumn, "应为户籍、常住或流动");
        }
        var moveIn = row.Date(MoveInColumn);
        var household = row.Text(HouseholdColumn, 60);
        var relation = household is null ? HouseholdRelation.Other : HouseholdRelation.Head;
        var relationText = row.Text(RelationColumn, 10);
        if (relationText is not null && !HouseholdRelations.TryParse(relationText, out relation))
        {
            row.Error(RelationColumn, "应为户主、配偶、子女、父母、孙子女、兄弟姐妹或其他");
        }
        var grid = row.Text(GridColumn, 15);
        if (grid is not null && !TerritoryCode.IsGrid(grid))
        {
            row.Error(GridColumn, "网格编码应为15位数字");
        }
        if (household is null && grid is null && !row.HasErrors)
        {
            row.Error(GridColumn, "户编号和网格编码至少填写一项");
        }
        var tags = (row.Text(TagsColumn, 200) ?? "").Split(['、', ',', '，', ';', '；', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new Row(name, id, phone, type, moveIn, household, relation, grid, tags.Distinct().ToList());
    }

    protected override async Task<ImportPlan> PlanAsync(IReadOnlyList<(int Row, Row Value)> rows, List<ImportError> errors, CancellationToken ct)
    {
        var households = await Chunks.LookupAsync(rows.Select(r => r.Value.HouseholdCode).OfType<string>(),
            codes => db.Households.Where(h => codes.Contains(h.Code)).Select(h => new HouseholdKey(h.Code, h.Id, h.GridCode)).ToListAsync(ct), h => h.Code,
            () => db.Households.Select(h => new HouseholdKey(h.Code, h.Id, h.GridCode)).AsAsyncEnumerable());
        var grids = await Chunks.GridsAsync(db, rows.Select(r => r.Value.GridCode).OfType<string>(), ct);
        var tags = await db.Tags.ToDictionaryAsync(t => t.Name, t => t.Id, ct);
        var householdsByCode = households.ToDictionary(h => h.Key, h => (h.Value.Id, h.Value.GridCode));
        foreach (var (number, row) in rows)
        {
            Resolve(number, row, householdsByCode, grids, tags, errors);
        }
        rows = rows.Where(r => r.Value.Identified).ToList();
        RejectRepeated(rows, errors);
        Parallel.ForEach(rows, r =>
        {
            r.Value.Hash = protector.Hash(r.Value.IdNumber!.Value);
            r.Value.PhoneHash = r.Value.Phone is null ? null : protector.Hash(r.Value.Phone);
        });
        var everyone = db.SystemWork().Residents;
        var existing = await Chunks.LookupAsync(rows.Select(r => r.Value.Hash),
            hashes => Current(everyone.Where(r => hashes.Contains(r.IdNumberHash))).ToListAsync(ct), e => e.Hash,
            () => Current(everyone).AsAsyncEnumerable());
        await AddTagsAsync(existing, ct);
        var inserts = new List<Row>();
        var updates = new List<(int Id, Row Row)>();
        var unchanged = 0;
        foreach (var (number, row) in rows)
        {
            if (!existing.TryGetValue(row.Hash, out var current))
            {
                inserts.Add(row);
            }
            else if (!db.Jurisdiction.Covers(current.GridCode))
            {
                errors.Add(new ImportError(number, IdColumn.Header, "该居民已登记在您管辖范围以外的网格，不能修改"));
            }
            else if (Same(current, row, tags))
            {
                unchanged++;
            }
            else
            {
                updates.Add((current.Id, row));
            }
        }
        return new ImportPlan(rows.Count, inserts.Count, updates.Count, unchanged,
            (progress, token) => ApplyAsync(inserts, updates, tags, progress, token));
    }

    private void RejectRepeated(IReadOnlyList<(int Row, Row Value)> rows, List<ImportError> errors)
    {
        foreach (var (number, row) in rows)
        {
            var key = long.Parse(row.IdNumber!.Value.AsSpan(0, 17), System.Globalization.CultureInfo.InvariantCulture);
            if (!_seen.TryAdd(key, number))
            {
                errors.Add(new ImportError(number, IdColumn.Header, $"身份证号与第{_seen[key]}行重复"));
            }
        }
    }

    private static IQueryable<Existing> Current(IQueryable<Resident> residents) =>
        residents.Select(r => new Existing(r.Id, r.GridCode, r.Name, r.PhoneHash, r.ResidenceType, r.MoveInDate, r.HouseholdId,
            r.Relation, r.IdNumberHash));

    /// <summary>
    /// The tags of the residents found, read from the link table by resident id: joining the tags into the lookup made
    /// PostgreSQL join the whole link table, which grows with every chunk written, for each lookup.
    /// </summary>
    private async Task AddTagsAsync(Dictionary<string, Existing> existing, CancellationToken ct)
    {
        var byId = existing.Values.ToDictionary(e => e.Id);
        foreach (var chunk in byId.Keys.Chunk(900))
        {
            var links = await db.Set<Dictionary<string, object>>(ResidentTags.Table)
                .Where(l => chunk.Contains(EF.Property<int>(l, "ResidentsId")))
                .Select(l => new { Resident = EF.Property<int>(l, "ResidentsId"), Tag = EF.Property<int>(l, "TagsId") })
                .ToListAsync(ct);
            foreach (var link in links)
            {
                byId[link.Resident].TagIds.Add(link.Tag);
            }
        }
    }

    private void Resolve(int number, Row row, Dictionary<string, (int Id, string GridCode)> households, Dictionary<string, string> grids,
        Dictionary<string, int> tags, List<ImportError> errors)
    {
        if (row.HouseholdCode is not null)
        {
            if (!households.TryGetValue(row.HouseholdCode, out var household))
            {
                errors.Add(new ImportError(number, HouseholdColumn.Header, "户编号不存在或不在您的管辖范围内"));
            }
            else
            {
                if (row.GridCode is not null && row.GridCode != household.GridCode)
                {
                    errors.Add(new ImportError(number, GridColumn.Header, $"与户所在网格（{household.GridCode}）不一致"));
                }
                row.HouseholdId = household.Id;
                row.ResolvedGrid = household.GridCode;
            }
        }
        else if (row.GridCode is not null)
        {
            if (!grids.ContainsKey(row.GridCode))
            {
                errors.Add(new ImportError(number, GridColumn.Header, "网格不存在或不在您的管辖范围内"));
            }
            row.ResolvedGrid = row.GridCode;
        }
        var unknown = row.Tags.Where(t => !tags.ContainsKey(t)).ToList();
        if (unknown.Count > 0)
        {
            errors.Add(new ImportError(number, TagsColumn.Header, $"未知标签：{string.Join("、", unknown)}"));
        }
    }

    private static bool Same(Existing e, Row r, Dictionary<string, int> tags) =>
        e.Name == r.Name && e.PhoneHash == r.PhoneHash && e.ResidenceType == r.ResidenceType && e.MoveInDate == r.MoveInDate
        && e.HouseholdId == r.HouseholdId && e.Relation == r.Relation && e.GridCode == r.ResolvedGrid
        && e.TagIds.Order().SequenceEqual(r.Tags.Select(t => tags[t]).Order());

    private async Task ApplyAsync(List<Row> inserts, List<(int Id, Row Row)> updates, Dictionary<string, int> tags, IProgress<int>? progress, CancellationToken ct)
    {
        var nextId = await bulk.NextIdAsync<Resident>(ct);
        // Encrypting is the costly part of a row; it runs on every core.
        var residents = inserts.AsParallel().AsOrdered().Select((row, i) => ToResident(row, nextId + i)).ToList();
        await bulk.WriteAsync(residents, ct);
        await bulk.WriteLinksAsync(ResidentTags.Table,
            inserts.SelectMany((row, i) => row.Tags.Select(t => (nextId + i, tags[t]))), ct);
        progress?.Report(inserts.Count);
        foreach (var chunk in updates.Chunk(500))
        {
            var ids = chunk.Select(u => u.Id).ToList();
            var tracked = await db.SystemWork().Residents.Include(r => r.Tags).Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
            var tagEntities = await db.Tags.ToDictionaryAsync(t => t.Id, ct);
            foreach (var (id, row) in chunk)
            {
                Update(tracked[id], row, row.Tags.Select(t => tagEntities[tags[t]]).ToList());
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            progress?.Report(chunk.Length);
        }
    }

    private Resident ToResident(Row row, int id) => ToResident(row, row.IdNumber!, id);

    private Resident ToResident(Row row, IdNumber number, int id) => new()
    {
        Id = id,
        Name = row.Name!,
        IdNumberCipher = protector.Encrypt(number.Value),
        IdNumberHash = row.Hash,
        IdNumberMasked = PersonalDataMask.IdNumber(number.Value),
        IdLast4 = number.Last4,
        BirthDate = number.BirthDate,
        Gender = number.Gender,
        PhoneCipher = row.Phone is null ? null : protector.Encrypt(row.Phone),
        PhoneHash = row.PhoneHash,
        PhoneMasked = row.Phone is null ? null : PersonalDataMask.Phone(row.Phone),
        ResidenceType = row.ResidenceType,
        MoveInDate = row.MoveInDate,
        HouseholdId = row.HouseholdId,
        Relation = row.Relation,
        GridCode = row.ResolvedGrid,
    };

    private void Update(Resident r, Row row, List<Tag> tags)
    {
        r.Name = row.Name!;
        if (r.PhoneHash != row.PhoneHash)
        {
            r.PhoneHash = row.PhoneHash;
            r.PhoneCipher = row.Phone is null ? null : protector.Encrypt(row.Phone);
            r.PhoneMasked = row.Phone is null ? null : PersonalDataMask.Phone(row.Phone);
        }
        r.ResidenceType = row.ResidenceType;
        r.MoveInDate = row.MoveInDate;
        r.HouseholdId = row.HouseholdId;
        r.Relation = row.Relation;
        r.GridCode = row.ResolvedGrid;
        r.Tags.RemoveAll(t => !tags.Contains(t));
        r.Tags.AddRange(tags.Where(t => !r.Tags.Contains(t)));
    }
}
