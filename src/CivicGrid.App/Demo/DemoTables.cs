using System.Globalization;
using CivicGrid.App.Imports;
using CivicGrid.Core.Demo;
using CivicGrid.Core.People;

namespace CivicGrid.App.Demo;

/// <summary>The demo district as import tables, with the same headers a user's file has: seeding runs the importers.</summary>
public static class DemoTables
{
    public static TabularData Buildings(IEnumerable<DemoBuilding> buildings) => new(
        ["楼栋编号", "楼栋名称", "地址", "网格编码", "纬度", "经度", "层数", "商务楼宇", "商务社区"],
        buildings.Select(b => new string?[]
        {
            b.Code, b.Name, b.Address, b.GridCode, Number(b.Latitude), Number(b.Longitude),
            b.Floors.ToString(CultureInfo.InvariantCulture), b.IsOffice ? "是" : "否", b.BusinessCommunity,
        }).ToList());

    public static TabularData Households(IEnumerable<DemoHousehold> households) => new(
        ["户编号", "楼栋编号", "房号"],
        households.Select(h => new string?[] { h.Code, h.BuildingCode, h.Room }).ToList());

    public static TabularData Residents(IEnumerable<DemoPerson> people) => new(
        ["姓名", "身份证号", "手机号", "居住类型", "迁入日期", "户编号", "与户主关系", "标签"],
        people.Select(p => new string?[]
        {
            p.Name, p.IdNumber, p.Phone, p.ResidenceType.ChineseName(), p.MoveInDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            p.HouseholdCode, p.Relation.ChineseName(), string.Join("、", p.Tags),
        }).ToList());

    public static TabularData Enterprises(IEnumerable<DemoEnterprise> enterprises) => new(
        ["企业名称", "统一社会信用代码", "楼栋编号", "楼层", "行业", "员工人数", "重点税源", "注册地址", "办公地址"],
        enterprises.Select(e => new string?[]
        {
            e.Name, e.CreditCode, e.BuildingCode, e.Floor.ToString(CultureInfo.InvariantCulture), e.Industry,
            e.EmployeeCount.ToString(CultureInfo.InvariantCulture), e.IsKeyTaxSource ? "是" : "否", e.RegisteredAddress, e.OfficeAddress,
        }).ToList());

    private static string Number(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);
}
