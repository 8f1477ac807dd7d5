namespace CivicGrid.Bench;

/// <summary>Thirty rules of the kind a district's service catalogue holds, written as staff write them.</summary>
internal static class RulesCatalogue
{
    public static readonly IReadOnlyList<(string Name, string Text)> Rules =
    [
        ("高龄津贴", "age >= 80 and residence = '户籍'"),
        ("老年助餐", "age >= 60"),
        ("家庭照护床位", "age >= 60 and has_tag('失能')"),
        ("独居老人探访", "age >= 60 and (lives_alone or has_tag('独居'))"),
        ("普惠托育", "age < 3 and household.has_tag('双职工')"),
        ("育儿补贴", "age < 3"),
        ("预防接种建档", "age < 1"),
        ("养育指导", "household.youngest_age < 3"),
        ("居住证", "residence = '流动' and months_resident >= 6"),
        ("新市民社保", "residence != '户籍' and age >= 18 and age < 60"),
        ("招聘会", "age >= 16 and age < 60"),
        ("新就业群体关爱", "has_tag('新就业群体')"),
        ("人才安居", "has_tag('人才') and months_resident < 36"),
        ("入学报名", "age_on('2027-09-01') >= 6 and age_on('2027-09-01') < 7"),
        ("残疾人两项补贴", "has_tag('残疾') and (has_tag('低保') or has_tag('重点关注'))"),
        ("退休人员管理", "(gender = '男' and age >= 60) or (gender = '女' and age >= 55)"),
        ("低保家庭救助", "household.has_tag('低保')"),
        ("退役军人优待", "has_tag('退役军人')"),
        ("空巢老人关爱", "age >= 60 and has_tag('空巢') and not lives_alone"),
        ("高龄独居", "life_stage = '高龄' and lives_alone"),
        ("中考报名", "age_on('2027-06-15') = 15 and residence in ('户籍', '常住')"),
        ("青年夜校", "life_stage = '青年' and residence != '户籍'"),
        ("妇女健康筛查", "gender = '女' and age >= 35 and age <= 64"),
        ("三代同堂家庭", "household.size >= 5 and household.oldest_age >= 70 and household.youngest_age < 10"),
        ("老年大学", "age >= 55 and age < 80 and street in ('330105001', '330105002')"),
        ("社区敬老", "community = '330105003002' and age >= 70"),
        ("独居户主走访", "relation = '户主' and household.size = 1 and age >= 70"),
        ("少儿医保", "age < 18 and residence = '户籍'"),
        ("重点人群走访", "has_tag('重点关注') or age >= 90"),
        ("随迁子女入学", "residence = '流动' and months_resident >= 12 and age_on('2027-09-01') >= 6 and age_on('2027-09-01') < 15"),
    ];
}
