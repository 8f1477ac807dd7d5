using CivicGrid.Core.Enterprises;
using CivicGrid.Core.Enterprises.Needs;
using CivicGrid.Core.Enterprises.Offers;

namespace CivicGrid.Core.Tests.Enterprises;

/// <summary>Small, named things the enterprise tests share: a firm, the standard categories, a bank's line, a space.</summary>
internal static class EnterpriseWorld
{
    public static readonly DateTime Now = new(2026, 12, 1, 2, 0, 0, DateTimeKind.Utc);

    public static readonly IReadOnlyDictionary<string, NeedCategory> Categories =
        StandardNeedCategories.All().ToDictionary(c => c.Code);

    public static Enterprise Firm(int id = 1, int employees = 30, string industry = "信息技术", int? buildingId = 10) => new()
    {
        Id = id, Name = $"测试企业{id}", CreditCode = CreditCode.Compose('9', '1', "330105", "MA2B3C4D"), BuildingId = buildingId,
        GridCode = "330105001001001", Industry = industry, EmployeeCount = employees,
        RegisteredAddress = "莫干山路1号", OfficeAddress = "莫干山路1号",
    };

    public static CommunityOffer BankLine(int id = 100, long wan = 30_000, int? maxEmployees = 100) => new()
    {
        Id = id, Name = "小微企业信贷额度", Kind = OfferKind.CreditLine, Provider = "合作银行",
        CategoryCodes = [StandardNeedCategories.Financing], CreditLine = Money.TenThousandYuan(wan), MaxEmployees = maxEmployees,
    };

    public static CommunityOffer Space(int id = 200, int places = 2, int? buildingId = 10) => new()
    {
        Id = id, Name = "共享会议室", Kind = OfferKind.Space, Provider = "商务社区",
        CategoryCodes = [StandardNeedCategories.Space], Places = places, BuildingId = buildingId, BusinessCommunityId = 1,
    };

    public static EnterpriseNeed Raised(string category, Money? amount = null, int quantity = 1, int enterpriseId = 1)
    {
        var (need, refusal) = EnterpriseNeed.Raise(
            new NeedRequest(enterpriseId, category, "需要帮助") { Amount = amount, Quantity = quantity }, Categories[category], "企业联系人", Now);
        Assert.Null(refusal);
        return need!;
    }

    public static NeedContext With(CommunityOffer? offer = null, Enterprise? enterprise = null) => new(Now, offer, enterprise ?? Firm());
}
