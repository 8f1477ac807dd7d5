using CivicGrid.App.Data;
using CivicGrid.App.Data.Scopes;
using CivicGrid.App.Enterprises;
using CivicGrid.App.Enterprises.Offers;
using CivicGrid.Core.Access;
using CivicGrid.Core.Enterprises;
using CivicGrid.Core.Enterprises.Offers;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Imports;

/// <summary>
/// Offers from a spreadsheet, keyed by business community and name: a new pair adds an offer, a known one changes it
/// through <see cref="CommunityOffer.Resize"/>, so no file can take places or a line below what matches hold.
/// </summary>
public sealed class OfferImporter(CivicGridDbContext db) : Importer<OfferImporter.Row>
{
    /// <summary>An offer as the file gives it: the community and building by name and code, resolved by the plan.</summary>
    public sealed record Row(SaveOffer Offer, string? Community, string? Building);

    private static readonly ImportColumn NameColumn = new("name", "资源名称", true, "Name");
    private static readonly ImportColumn KindColumn = new("kind", "资源类型", true, "Kind");
    private static readonly ImportColumn ProviderColumn = new("provider", "提供方", true, "Provider");
    private static readonly ImportColumn CategoriesColumn = new("categories", "服务类别", true, "Categories");
    private static readonly ImportColumn CommunityColumn = new("businessCommunity", "商务社区", false, "Business community");
    private static readonly ImportColumn BuildingColumn = new("buildingCode", "楼栋编号", false, "Building code");
    private static readonly ImportColumn PlacesColumn = new("places", "名额", false, "Places");
    private static readonly ImportColumn CreditColumn = new("creditLine", "信贷额度（万元）", false, "信贷额度", "Credit line");
    private static readonly ImportColumn MinColumn = new("minEmployees", "最少员工数", false, "Min employees");
    private static readonly ImportColumn MaxColumn = new("maxEmployees", "最多员工数", false, "Max employees");
    private static readonly ImportColumn IndustriesColumn = new("industries", "适用行业", false, "Industries");
    private static readonly ImportColumn DescriptionColumn = new("description", "说明", false, "Description");
    private static readonly ImportColumn ActiveColumn = new("active", "启用", false, "Active");

    private static readonly char[] ListSeparators = ['、', ',', '，', ';', '；', '/'];

    public override ImportKind Kind => ImportKind.Offers;

    public override IReadOnlyList<ImportColumn> Columns { get; } =
    [
        NameColumn, KindColumn, ProviderColumn, CategoriesColumn, CommunityColumn, BuildingColumn, PlacesColumn, CreditColumn,
        MinColumn, MaxColumn, IndustriesColumn, DescriptionColumn, ActiveColumn,
    ];

    public override bool MayImport(StaffRole role) => role.May(Permission.KeepEnterpriseLists);

    protected override Row? Parse(ImportRow row)
    {
        var name = row.PlainText(NameColumn);
        var kind = ParseKind(row, row.Text(KindColumn, 20));
        var provider = row.PlainText(ProviderColumn);
        var categories = row.Text(CategoriesColumn, 200)?.Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var community = row.Text(CommunityColumn);
        var building = row.Text(BuildingColumn, 40);
        var places = row.Integer(PlacesColumn, 0, 1_000_000);
        var credit = Credit(row, row.Decimal(CreditColumn, 0, 10_000_000));
        var min = row.Integer(MinColumn, 0, 1_000_000);
        var max = row.Integer(MaxColumn, 0, 1_000_000);
        var industries = row.PlainText(IndustriesColumn, 200)?.Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var description = row.PlainText(DescriptionColumn, 500);
        var active = row.YesNo(ActiveColumn) ?? true;
        foreach (var (field, reason) in OfferRules.Numbers(kind, places, credit, min, max))
        {
            row.Error(field switch { "places" => PlacesColumn, "creditLine" => CreditColumn, _ => MaxColumn }, reason);
        }
        if (name is null || kind is null || provider is null || categories is not { Length: > 0 })
        {
            return null;
        }
        return new Row(new SaveOffer(null, name, provider, kind, categories, description, Places: places, CreditLine: credit,
            MinEmployees: min, MaxEmployees: max, Industries: industries, Active: active), community, building);
    }

    private static OfferKind? ParseKind(ImportRow row, string? text)
    {
        if (text is null)
        {
            return null;
        }
        var kind = Enum.GetValues<OfferKind>().Cast<OfferKind?>()
            .FirstOrDefault(k => k!.Value.ChineseName() == text || string.Equals(k.Value.ToString(), text, StringComparison.OrdinalIgnoreCase));
        if (kind is null)
        {
            row.Error(KindColumn, $"应为{string.Join("、", Enum.GetValues<OfferKind>().Select(k => k.ChineseName()))}之一");
        }
        return kind;
    }

    private static Money? Credit(ImportRow row, double? wan)
    {
        if (!Money.TryFromTenThousandYuan((decimal?)wan, out var money, out var reason))
        {
            row.Error(CreditColumn, reason);
        }
        return money;
    }

    protected override async Task<ImportPlan> PlanAsync(IReadOnlyList<(int Row, Row Value)> rows, List<ImportError> errors, CancellationToken ct)
    {
        var categories = await db.NeedCategories.AsNoTracking().Where(c => c.Active).ToListAsync(ct);
        // The business communities' filter keeps the actor to those of their street and above.
        var communities = await db.BusinessCommunities.AsNoTracking().ToDictionaryAsync(c => c.Name, c => c.Id, ct);
        var buildingCodes = rows.Select(r => r.Value.Building).OfType<string>().Distinct().ToList();
        var buildings = await db.PublicGeography().Buildings.Where(b => buildingCodes.Contains(b.Code)).ToDictionaryAsync(b => b.Code, b => b.Id, ct);
        var existing = (await OffersInScope.Of(db).ToListAsync(ct)).ToLookup(o => (o.BusinessCommunityId, o.Name));
        var keys = new Dictionary<(int?, string), int>();
        var inserts = new List<CommunityOffer>();
        var (updates, unchanged) = (0, 0);
        foreach (var (number, row) in rows)
        {
            if (Resolve(number, row, categories, communities, buildings, errors) is not { } command)
            {
                continue;
            }
            if (!keys.TryAdd((command.BusinessCommunityId, command.Name!), number))
            {
                errors.Add(new ImportError(number, NameColumn.Header, $"同一商务社区的资源名称与第{keys[(command.BusinessCommunityId, command.Name!)]}行重复"));
                continue;
            }
            var current = existing[(command.BusinessCommunityId, command.Name!)].FirstOrDefault();
            if (current is not null && Same(current, command))
            {
                unchanged++;
                continue;
            }
            var offer = current ?? new CommunityOffer { Name = "", Provider = "" };
            OfferRules.Fill(offer, command);
            if (offer.Resize(command.Places, command.CreditLine) is { } refusal)
            {
                errors.Add(new ImportError(number, refusal.Field == "places" ? PlacesColumn.Header : CreditColumn.Header, refusal.Reason));
                continue;
            }
            if (current is null)
            {
                inserts.Add(offer);
            }
            else
            {
                updates++;
            }
        }
        return new ImportPlan(rows.Count, inserts.Count, updates, unchanged, async (progress, token) =>
        {
            db.CommunityOffers.AddRange(inserts);
            await db.SaveChangesAsync(token);
            progress?.Report(inserts.Count + updates);
        });
    }

    /// <summary>The row with its categories, community and building resolved, or null with the reasons added.</summary>
    private static SaveOffer? Resolve(int number, Row row, List<Core.Enterprises.Needs.NeedCategory> categories,
        Dictionary<string, int> communities, Dictionary<string, int> buildings, List<ImportError> errors)
    {
        var before = errors.Count;
        var codes = new List<string>();
        foreach (var wanted in row.Offer.CategoryCodes!)
        {
            if (categories.FirstOrDefault(c => c.Code == wanted || c.Name == wanted) is { } category)
            {
                codes.Add(category.Code);
            }
            else
            {
                errors.Add(new ImportError(number, CategoriesColumn.Header, $"需求类别“{wanted}”不存在或已停用"));
            }
        }
        var community = Find(number, row.Community, communities, CommunityColumn, "找不到该商务社区，或不在您的管辖范围内", errors);
        var building = Find(number, row.Building, buildings, BuildingColumn, "找不到该楼宇", errors);
        return errors.Count > before ? null : row.Offer with { CategoryCodes = codes, BusinessCommunityId = community, BuildingId = building };
    }

    private static int? Find(int number, string? key, Dictionary<string, int> known, ImportColumn column, string missing, List<ImportError> errors)
    {
        if (key is null)
        {
            return null;
        }
        if (known.TryGetValue(key, out var id))
        {
            return id;
        }
        errors.Add(new ImportError(number, column.Header, missing));
        return null;
    }

    private static bool Same(CommunityOffer o, SaveOffer c) =>
        o.Provider == c.Provider && o.Kind == c.Kind && o.Description == (c.Description ?? "") && o.CategoryCodes.SequenceEqual(c.CategoryCodes!.Distinct())
        && o.BuildingId == c.BuildingId && o.Places == c.Places && o.CreditLine == c.CreditLine && o.MinEmployees == c.MinEmployees
        && o.MaxEmployees == c.MaxEmployees && o.Industries.SequenceEqual(c.Industries ?? []) && o.Active == c.Active;
}
