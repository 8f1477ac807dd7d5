using CivicGrid.Core.Enterprises;
using CivicGrid.Core.Enterprises.Challenges;
using CivicGrid.Core.Territory;

namespace CivicGrid.Core.Demo.Enterprises;

/// <summary>The demo's challenges (揭榜挂帅) with their timelines, ids assigned.</summary>
public sealed record DemoChallengeRows(IReadOnlyList<Challenge> Challenges, IReadOnlyList<ChallengeEvent> Timeline);

/// <summary>
/// Two challenges per business community (at least a dozen in all) over the last half year, half published by the
/// community and half by one of its enterprises, played through <see cref="Challenge.Apply"/> into every state: open,
/// claimed by a partner, a volunteer team or another firm, delivered, evaluated (a few after a rejected delivery) and
/// withdrawn. Deterministic for a seed; pure.
/// </summary>
public static class DemoChallenges
{
    private static readonly (string Title, string Problem, string? Reward, long? Wan)[] Problems =
    [
        ("AI企业招聘难", "楼宇内人工智能企业急需算法与数据标注人才，希望对接高校毕业生和实习生。", "年度优秀共建单位", null),
        ("楼宇午餐难", "午间就餐排队长、选择少，希望引入团餐或共享食堂。", null, 2),
        ("员工子女暑托", "暑期员工子女无人看护，希望开设楼宇暑托班。", "爱心企业称号", null),
        ("跨境电商物流", "小微电商企业跨境物流成本高，希望对接集中拼柜服务。", null, 5),
        ("知识产权布局", "科技型企业缺少专利布局能力，希望专业机构提供诊断。", "商务社区荣誉证书", 3),
        ("楼宇停车难", "访客停车位不足，希望盘活周边错时停车资源。", "金牌服务团队", null),
        ("数字化转型诊断", "传统商贸企业希望获得数字化转型免费诊断。", null, 8),
        ("青年人才公寓", "新引进青年人才租房难，希望对接人才公寓房源。", "年度优秀共建单位", null),
    ];

    private static readonly (string Name, SolverKind Kind)[] Solvers =
    [
        ("浙江工业大学就业指导中心", SolverKind.Partner), ("拱墅区律师协会", SolverKind.Partner), ("运河青年志愿服务队", SolverKind.VolunteerTeam),
        ("楼宇党建志愿团队", SolverKind.VolunteerTeam), ("杭州市知识产权服务中心", SolverKind.Partner),
    ];

    public static DemoChallengeRows For(
        IReadOnlyList<BusinessCommunity> communities, IReadOnlyList<(Enterprise Firm, int Community)> placed, Random random, DateTime nowUtc, int firstId, long firstEvent)
    {
        var challenges = new List<Challenge>();
        var timeline = new List<ChallengeEvent>();
        var firmsOf = placed.GroupBy(p => p.Community).ToDictionary(g => g.Key, g => g.Select(p => p.Firm).ToList());
        var count = Math.Max(12, communities.Count * 2);
        for (var i = 0; i < count && communities.Count > 0; i++)
        {
            var community = communities[i % communities.Count];
            var firms = firmsOf.GetValueOrDefault(community.Id) ?? [];
            var publisher = i % 2 == 1 && firms.Count > 1 ? firms[random.Next(firms.Count)] : null;
            var stage = Stages[i % Stages.Length];
            var published = nowUtc.AddDays(-random.Next(stage.MinDays, stage.MinDays * 3)).AddMinutes(-random.Next(600));
            var (title, problem, reward, wan) = Problems[random.Next(Problems.Length)];
            var request = new ChallengeRequest(title, problem, reward)
            {
                RewardAmount = wan is { } w ? Money.TenThousandYuan(w) : null, EnterpriseId = publisher?.Id, BusinessCommunityId = community.Id,
            };
            var (challenge, _) = Challenge.Publish(request, publisher?.Name ?? community.Name, published);
            challenge!.Id = firstId + challenges.Count;
            var play = new Play(challenge, timeline, publisher?.Name ?? community.Name, published);
            play.Add(ChallengeAction.Publish, null);
            Move(play, stage.Reached, i, firms.Where(f => f.Id != publisher?.Id).ToList(), random);
            challenges.Add(challenge);
        }
        var id = firstEvent;
        foreach (var entry in timeline)
        {
            entry.Id = id++;
        }
        return new DemoChallengeRows(challenges, timeline);
    }

    /// <summary>How far each of six challenges in turn has gone (-1: withdrawn), and the fewest days since it was published.</summary>
    private static readonly (int Reached, int MinDays)[] Stages = [(0, 3), (1, 10), (2, 40), (3, 60), (3, 70), (-1, 10)];

    /// <summary>Older challenges have gone further; one in six is withdrawn, some evaluated only after a rejected delivery.</summary>
    private static void Move(Play play, int stage, int i, List<Enterprise> others, Random random)
    {
        if (stage == -1)
        {
            play.Step(new ChallengeCommand(ChallengeAction.Withdraw, play.Publisher, "已通过其他渠道解决"), 3);
            return;
        }
        if (stage == 0)
        {
            return;
        }
        var byFirm = i % 3 == 0 && others.Count > 0;
        var firm = byFirm ? others[random.Next(others.Count)] : null;
        var (name, kind) = firm is not null ? (firm.Name, SolverKind.Enterprise) : Solvers[random.Next(Solvers.Length)];
        play.Step(new ChallengeCommand(ChallengeAction.Claim, name) { SolverName = name, SolverKind = kind, SolverEnterpriseId = firm?.Id }, 4);
        if (stage >= 2)
        {
            play.Step(new ChallengeCommand(ChallengeAction.Deliver, name, "已完成对接，提交成果报告"), 18);
        }
        if (stage == 3 && i % 4 == 0)
        {
            play.Step(new ChallengeCommand(ChallengeAction.Reject, play.Publisher, "覆盖企业不足，请补充"), 3);
            play.Step(new ChallengeCommand(ChallengeAction.Deliver, name, "已补充对接 8 家企业"), 10);
        }
        if (stage == 3)
        {
            play.Step(new ChallengeCommand(ChallengeAction.Evaluate, play.Publisher, "成效明显") { Score = random.Next(3, 6) }, 5);
        }
    }

    private sealed class Play(Challenge challenge, List<ChallengeEvent> timeline, string publisher, DateTime at)
    {
        public string Publisher => publisher;
        public DateTime At { get; private set; } = at;

        public void Step(ChallengeCommand command, int days)
        {
            At = At.AddDays(days).AddMinutes(37);
            if (challenge.Apply(command, At) is null)
            {
                Add(command.Action, command.Action == ChallengeAction.Claim ? command.SolverName : command.Note);
            }
        }

        public void Add(ChallengeAction action, string? note) => timeline.Add(new ChallengeEvent
        {
            ChallengeId = challenge.Id, At = At, Action = action, To = challenge.Status, Actor = action is ChallengeAction.Claim or ChallengeAction.Deliver ? challenge.ClaimedBy ?? publisher : publisher, Note = note,
        });
    }
}
