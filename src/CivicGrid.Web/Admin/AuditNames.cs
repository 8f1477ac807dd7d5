using System.Globalization;

namespace CivicGrid.Web.Admin;

/// <summary>
/// The audit log's stored words (actions, entity types, property names, kept in English so the hash chain never
/// depends on wording) as staff read them, and the page a record can be opened on.
/// </summary>
public static class AuditNames
{
    public static IReadOnlyDictionary<string, string> Actions { get; } = new Dictionary<string, string>
    {
        ["create"] = "新增", ["update"] = "修改", ["delete"] = "删除", ["reveal"] = "查看完整个人信息", ["import"] = "批量导入", ["handover"] = "网格工作移交",
        ["reset-two-factor"] = "重置两步验证",
        ["create-account"] = "开通账号", ["update-account"] = "修改账号", ["disable-account"] = "停用账号", ["enable-account"] = "启用账号",
        ["reset-password"] = "重置密码", ["unlock-account"] = "解除锁定",
    };

    public static IReadOnlyDictionary<string, string> Entities { get; } = new Dictionary<string, string>
    {
        ["Case"] = "诉求", ["CaseAttachment"] = "诉求照片", ["Resident"] = "居民", ["Household"] = "家庭", ["Building"] = "楼栋",
        ["BusinessCommunity"] = "商圈", ["TerritoryNode"] = "区划网格", ["Tag"] = "人员标签", ["Enterprise"] = "企业",
        ["DeliberationItem"] = "议事清单事项", ["Department"] = "职能部门", ["PublicHoliday"] = "节假日", ["ThinkTankGroup"] = "智囊团",
        ["DeliberationDay"] = "议事日", ["DeliberationOption"] = "议事方案", ["PlanTask"] = "议事任务", ["WebhookSubscription"] = "Webhook 订阅",
        ["IntegrationKey"] = "接入密钥", ["FacilityType"] = "阵地类型", ["Facility"] = "阵地", ["ServiceItem"] = "服务", ["EligibilityRule"] = "享受条件",
        ["ServiceEnrolment"] = "服务办理", ["LifeEvent"] = "生命周期事件", ["VisitTask"] = "走访任务", ["CaseMonthlyStat"] = "诉求统计", ["CaseMonthlyStreetStat"] = "街道诉求统计",
        ["StaffUser"] = "账号", ["FacilityServices"] = "阵地服务项目", ["CaseSupport"] = "附议", ["DeliberationParticipant"] = "议事参与人", ["ResidentTags"] = "居民标签", ["CaseEvent"] = "办理轨迹", ["InboxMessage"] = "站内消息", ["OutboxMessage"] = "待发消息", ["ProtectionKey"] = "登录密钥", ["CacheVersion"] = "缓存版本", ["Territory"] = "区划边界导入",
        ["IdentityUserClaim`1"] = "账号声明", ["IdentityUserLogin`1"] = "账号外部登录", ["IdentityUserToken`1"] = "账号令牌",
        ["PhoneCode"] = "短信验证码", ["ResidentSignUp"] = "居民注册",
        ["EnterpriseNeed"] = "企业需求", ["NeedEvent"] = "企业需求办理轨迹", ["CommunityOffer"] = "社区资源", ["EmployeeWish"] = "职工心愿", ["NeedCategory"] = "企业需求类别", ["WishTheme"] = "职工心愿主题",
        ["Challenge"] = "揭榜挂帅榜单", ["ChallengeEvent"] = "榜单进展", ["AlignmentFollowUp"] = "地址一致跟进", ["AlignmentStep"] = "地址一致跟进记录",
        ["RunnerAssignment"] = "助跑员楼宇分配", ["EnterpriseVisit"] = "企业走访", ["ContactSignUp"] = "企业联系人申请",
        ["Residents"] = "居民导入", ["Households"] = "家庭导入", ["Buildings"] = "楼栋导入", ["Enterprises"] = "企业导入",
        ["Offers"] = "社区资源导入", ["RunnerAssignments"] = "助跑员楼宇分配导入",
        ["MajorProject"] = "重大项目", ["ProjectGate"] = "项目节点", ["ProjectYearPlan"] = "项目年度计划", ["ProjectProgress"] = "项目进度",
        ["ProjectBlocker"] = "项目堵点", ["ServiceGroup"] = "专项服务组", ["ProjectEvent"] = "项目进展", ["Projects"] = "重大项目导入",
        ["HouseholdVisit"] = "入户走访记录", ["VisitPolicy"] = "走访频次", ["CaseFollower"] = "诉求关注",
        ["Activity"] = "社区活动", ["ActivitySession"] = "活动场次", ["SessionServer"] = "场次服务志愿者", ["ActivitySignUp"] = "活动报名",
        ["Volunteer"] = "志愿者", ["HoursEntry"] = "志愿时长",
        ["VolunteerTeam"] = "志愿团队", ["TeamMember"] = "团队成员", ["DeliberationInvitation"] = "议事邀请",
        ["StoredSchedule"] = "现金待遇标准", ["PayeeAccount"] = "代发账户", ["PaymentList"] = "发放名单", ["PaymentLine"] = "发放明细", ["BankReturns"] = "银行回盘导入",
        ["HotspotTask"] = "热点主动处置任务",
        ["StoredScheme"] = "考核方案", ["SchemeVersion"] = "考核方案版本", ["ScoreAdjustment"] = "考核加减分", ["AssessmentReview"] = "考核结果",
        ["ReviewResult"] = "单位考核得分", ["ReviewObjection"] = "考核异议",
    };

    public static string Action(string action) => Actions.GetValueOrDefault(action, action);

    public static string Entity(string entity) => Entities.GetValueOrDefault(entity, entity);

    private static readonly Dictionary<string, string> ImportCounts = new()
    {
        ["rows"] = "行数", ["inserted"] = "新增", ["updated"] = "更新", ["unchanged"] = "未变",
        ["to"] = "接任者", ["grid"] = "网格", ["cases"] = "诉求", ["visits"] = "走访任务", ["offers"] = "服务送达", ["tasks"] = "议事任务",
    };

    /// <summary>
    /// "EscalationCount,Level" → "升级次数、层级"; "IdNumber,Phone: 核对" → "身份证号、手机号：核对";
    /// "rows=3,inserted=3" → "行数 3，新增 3". A name not listed stays as stored.
    /// </summary>
    public static string Detail(string action, string? detail)
    {
        if (string.IsNullOrEmpty(detail))
        {
            return "";
        }
        if (action is "import" or "handover")
        {
            return string.Join("，", detail.Split(',').Select(p => p.Split('=', 2)).Select(p => p.Length == 2 ? $"{ImportCounts.GetValueOrDefault(p[0], p[0])} {p[1]}" : p[0]));
        }
        var split = detail.IndexOf(": ", StringComparison.Ordinal);
        var fields = split < 0 ? detail : detail[..split];
        var named = string.Join("、", fields.Split(',').Select(f => AuditFieldNames.All.GetValueOrDefault(f, f)));
        return split < 0 ? named : $"{named}：{detail[(split + 2)..]}";
    }

    /// <summary>The page showing the record, for the kinds that have one.</summary>
    public static string? Link(string entity, string key)
    {
        if (entity == "TerritoryNode")
        {
            return key.All(char.IsAsciiDigit) ? $"territory/{key}" : null;
        }
        if (!int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return null;
        }
        return entity switch
        {
            "Case" => $"cases/{id}",
            "Resident" => $"residents/{id}",
            "Household" => $"households/{id}",
            "Building" => $"buildings/{id}",
            "ServiceItem" => $"services/{id}",
            "Facility" => $"facilities/{id}",
            "LifeEvent" => $"life-events/{id}",
            "DeliberationDay" => $"deliberation/{id}",
            _ => null,
        };
    }
}
