using CivicGrid.Core.PublicServices.LifeEvents;
using static CivicGrid.Core.PublicServices.Catalogue.DeliveryMode;
using static CivicGrid.Core.PublicServices.Catalogue.ServiceTheme;

namespace CivicGrid.Core.PublicServices.Catalogue;

/// <summary>One entry of the starting catalogue: the item, its first rule and the facility types that deliver it.</summary>
public sealed record CatalogueEntry(
    string Code, string Name, ServiceTheme Theme, DeliveryMode Mode, bool LimitedPlaces, LifeEventKinds OpenedBy,
    string Rule, string[] FacilityTypes, string Description);

/// <summary>
/// The catalogue a district starts from, after the services the reports describe; staff edit it from then on.
/// </summary>
public static class StandardCatalogue
{
    private const LifeEventKinds None = LifeEventKinds.None;

    public static readonly IReadOnlyList<CatalogueEntry> Entries =
    [
        new("S01", "高龄津贴", ElderlyCare, Proactive, false, LifeEventKinds.Turned80,
            "age >= 80 and residence = '户籍'", ["centre"], "户籍80周岁以上老人按月发放高龄津贴，年龄由身份证号自动识别，免申即享。"),
        new("S02", "老年助餐服务", ElderlyCare, OnVisit, false, LifeEventKinds.Turned60,
            "age >= 60", ["canteen"], "社区食堂为60周岁以上老人提供助餐，高龄、独居老人优先送餐上门。"),
        new("S03", "家庭养老照护床位", ElderlyCare, OnApplication, true, LifeEventKinds.Disability,
            "age >= 60 and has_tag('失能')", ["elderly"], "为失能、半失能老人设立家庭照护床位，由阳光老人家提供上门照护，床位有限按优先规则分配。"),
        new("S04", "独居老人定期探访", ElderlyCare, OnVisit, false, None,
            "age >= 60 and lives_alone", ["elderly"], "网格员和志愿者每周探访独居老人，了解急难愁盼。"),
        new("S05", "普惠托育托位", Childcare, OnApplication, true, LifeEventKinds.Birth,
            "age < 3 and household.has_tag('双职工')", ["childcare"], "为双职工家庭3岁以下婴幼儿提供普惠托位，托位有限，按优先规则分配。"),
        new("S06", "育儿补贴", Childcare, Proactive, false, LifeEventKinds.Birth,
            "age < 3", ["centre"], "3周岁以下婴幼儿按年发放育儿补贴，出生登记后自动推送。"),
        new("S07", "新生儿预防接种建档", Health, Proactive, false, LifeEventKinds.Birth | LifeEventKinds.MoveIn,
            "age < 1", ["health"], "社区卫生服务站为新生儿建立预防接种档案并预约首针。"),
        new("S08", "婴幼儿家庭养育指导", Childcare, OnVisit, false, LifeEventKinds.Birth,
            "household.youngest_age < 3", ["children"], "阳光小伢儿驿站为有3岁以下婴幼儿的家庭提供养育指导。"),
        new("S09", "居住证办理", Government, OnApplication, false, LifeEventKinds.MoveIn,
            "residence = '流动' and months_resident >= 6", ["centre"], "在辖区居住满6个月的新市民可申领居住证。"),
        new("S10", "新市民社保参保指导", Government, Proactive, false, LifeEventKinds.MoveIn,
            "residence != '户籍' and age >= 18 and age < 60", ["centre"], "为新市民提供社会保险参保登记和转移接续指导。"),
        new("S11", "招聘会与零工市场", Employment, OnApplication, false, None,
            "age >= 16 and age < 60", ["centre", "talent"], "全年举办百余场招聘会，零工市场每日发布岗位。"),
        new("S12", "职业技能培训", Employment, OnApplication, false, None,
            "age >= 16 and age < 60", ["centre"], "每年八十余期技能培训和证书课程，新市民、失业人员可免费参加。"),
        new("S13", "新就业群体关爱服务", Activity, Proactive, false, None,
            "has_tag('新就业群体')", ["courier"], "小哥驿站为快递员、外卖骑手提供歇脚、充电、饮水和法律咨询。"),
        new("S14", "人才安居服务", Government, OnApplication, false, LifeEventKinds.MoveIn,
            "has_tag('人才')", ["talent"], "认定人才可申请人才公寓和租房补贴。"),
        new("S15", "社区义诊", Health, Proactive, false, LifeEventKinds.Turned60,
            "age >= 60", ["health"], "社区卫生服务站每月为老年人开展义诊和健康体检。"),
        new("S16", "老年人防诈骗课堂", Activity, Proactive, false, LifeEventKinds.Turned60,
            "age >= 60", ["centre", "elderly"], "社区民警和志愿者讲解常见诈骗手法。"),
        new("S17", "入学报名指导", Education, Proactive, false, LifeEventKinds.SchoolEntry,
            "age >= 6 and age < 7", ["children"], "适龄儿童入学报名、学位查询和材料准备指导。"),
        new("S18", "残疾人两项补贴", Assistance, Proactive, false, LifeEventKinds.Disability,
            "has_tag('残疾')", ["centre"], "困难残疾人生活补贴和重度残疾人护理补贴，免申即享。"),
        new("S19", "退休人员社会化管理", Government, OnVisit, false, LifeEventKinds.Retirement,
            "(gender = '男' and age >= 60) or (gender = '女' and age >= 55)", ["centre"], "退休人员纳入社区管理，组织活动和走访慰问。"),
        new("S20", "低保家庭救助", Assistance, Proactive, false, None,
            "has_tag('低保')", ["centre"], "低保家庭按月发放救助金，节日慰问。"),
        new("S21", "退役军人优待证", Government, OnApplication, false, None,
            "has_tag('退役军人')", ["centre"], "退役军人可申领优待证，享受交通、文旅等优待。"),
        new("S22", "全民健身指导", Activity, OnApplication, false, None,
            "age >= 18", ["sports"], "嵌入式体育场免费开放，社会体育指导员提供健身指导。"),
    ];
}
