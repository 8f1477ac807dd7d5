using CivicGrid.Core.Enterprises;
using CivicGrid.Core.Enterprises.Offers;
using CivicGrid.Core.Territory;
using static CivicGrid.Core.Enterprises.Needs.StandardNeedCategories;

namespace CivicGrid.Core.Demo.Enterprises;

/// <summary>
/// What each business community can offer in the demo (社区所能): a partner bank's credit line of 10 million yuan (30
/// communities make the reports' 300-million line), financing, policy, property and IP services, a job fair, a shared
/// space, a school-place desk, a training for small firms and a benefit card (共富卡). Kept in its hub building.
/// </summary>
internal static class DemoOffers
{
    /// <summary>One community's line; the district's is this times its business communities.</summary>
    public static readonly Money LinePerCommunity = Money.TenThousandYuan(1_000);

    private static readonly string[] Banks = ["杭州银行", "浙商银行", "杭州联合银行", "农业银行杭州分行", "建设银行杭州分行"];

    public static List<CommunityOffer> For(IReadOnlyList<BusinessCommunity> communities, IReadOnlyDictionary<int, Building> hubs, Random random, int firstId)
    {
        var offers = new List<CommunityOffer>();
        foreach (var community in communities)
        {
            var hub = hubs.GetValueOrDefault(community.Id);
            foreach (var offer in Community(community, random))
            {
                offer.Id = firstId + offers.Count;
                offer.BusinessCommunityId = community.Id;
                // The bank's line is not at a place; the rest are at the community's service station.
                if (offer.Kind != OfferKind.CreditLine && hub is not null)
                {
                    (offer.BuildingId, offer.Latitude, offer.Longitude) = (hub.Id, hub.Latitude, hub.Longitude);
                }
                offers.Add(offer);
            }
        }
        return offers;
    }

    private static IEnumerable<CommunityOffer> Community(BusinessCommunity community, Random random)
    {
        var bank = Banks[community.Id % Banks.Length];
        yield return new CommunityOffer
        {
            Name = $"{bank}普惠贷专项额度", Kind = OfferKind.CreditLine, Provider = bank, CategoryCodes = [Financing],
            CreditLine = LinePerCommunity, MaxEmployees = 300, Description = "面向商务社区内中小微企业的信用贷款，最快三个工作日放款。",
        };
        yield return Service("融资对接服务", $"{community.Name}服务站", [Financing], null, "银行、担保、投资机构对接，辅导准备贷款材料。");
        yield return Service("惠企政策服务专窗", $"{community.Name}服务站", [Policy, Licences], null, "政策解读、申报辅导、证照代办和地址变更。");
        yield return Service("人才招聘专场", "区人力社保局", [Hiring], random.Next(30, 61), "每季度一场，免费展位。");
        yield return new CommunityOffer
        {
            Name = "共享会议与孵化空间", Kind = OfferKind.Space, Provider = $"{community.Name}服务站", CategoryCodes = [Space],
            Places = random.Next(8, 21), Description = "工位、会议室和路演厅，初创企业首年免费。",
        };
        yield return Service("物业协调服务", $"{community.Name}服务站", [Property], null, "停车、水电、维修与楼宇物业协调。");
        yield return Service("知识产权服务站", "区市场监管局", [IntellectualProperty], null, "商标、专利申请辅导和维权援助。");
        yield return Service("员工子女入学协调", "区教育局", [Schooling], random.Next(10, 31), "为骨干员工子女协调入学、入园名额。");
        yield return new CommunityOffer
        {
            Name = "小微企业用工培训", Kind = OfferKind.Training, Provider = "区职业技能培训中心", CategoryCodes = [Hiring],
            Places = random.Next(20, 41), MaxEmployees = 100, Description = "新员工岗前和技能提升培训，补贴后免费。",
        };
        yield return new CommunityOffer
        {
            Name = $"{community.Name}共富卡", Kind = OfferKind.BenefitCard, Provider = $"{community.Name}联盟商家",
            Description = "午餐折扣、健身房、停车和夜校优惠，凭卡在商圈内使用。",
        };
    }

    private static CommunityOffer Service(string name, string provider, List<string> categories, int? places, string description) => new()
    {
        Name = name, Kind = OfferKind.Service, Provider = provider, CategoryCodes = categories, Places = places, Description = description,
    };
}
