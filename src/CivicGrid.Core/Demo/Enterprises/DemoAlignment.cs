using CivicGrid.Core.Enterprises;
using CivicGrid.Core.Enterprises.Alignment;

namespace CivicGrid.Core.Demo.Enterprises;

/// <summary>The demo's address-alignment follow-ups and their steps, ids assigned.</summary>
public sealed record DemoAlignmentRows(IReadOnlyList<AlignmentFollowUp> FollowUps, IReadOnlyList<AlignmentStep> Steps);

/// <summary>
/// Follow-ups of the firms found with differing addresses (注册地与办公地一致): of those differing now, about three in ten
/// are still to contact, the rest contacted, aligning or unable to align (with a reason); and firms already helped to
/// align — 2,459 of the district's 30,000 as the reports say, in proportion at other scales — chosen among those whose
/// addresses now agree, their follow-up played to the end over the last two years. Deterministic for a seed; pure.
/// </summary>
public static class DemoAlignment
{
    public const int AlignedInDistrict = 2_459;
    public const int DistrictEnterprises = 30_000;

    private static readonly string[] Staff = ["商务社区专员", "助跑员王晓", "助跑员陈立", "商务社区主任"];

    private static readonly string[] CannotAlign =
    [
        "生产基地在外区，注册地须保留", "集团统一注册，分支机构不便迁移", "企业计划年内搬离本区", "资质证照与注册地绑定，迁移成本高",
    ];

    public static DemoAlignmentRows For(IReadOnlyList<Enterprise> enterprises, Random random, DateTime nowUtc, int firstId, long firstStep)
    {
        var followUps = new List<AlignmentFollowUp>();
        foreach (var firm in enterprises.Where(e => !e.AddressesAligned))
        {
            var roll = random.NextDouble();
            if (roll < 0.3)
            {
                continue;
            }
            AlignmentAction[] steps = roll < 0.6 ? [AlignmentAction.Contact] : roll < 0.85 ? [AlignmentAction.Contact, AlignmentAction.StartAligning]
                : [AlignmentAction.Contact, AlignmentAction.GiveUp];
            followUps.Add(Played(firm.Id, steps, random, nowUtc.AddDays(-random.Next(45, 200))));
        }
        var target = (int)Math.Round((double)AlignedInDistrict * enterprises.Count / DistrictEnterprises);
        var agreeing = enterprises.Where(e => e.AddressesAligned).ToList();
        foreach (var firm in agreeing.OrderBy(_ => random.Next()).Take(target))
        {
            followUps.Add(Played(firm.Id, [AlignmentAction.Contact, AlignmentAction.StartAligning, AlignmentAction.ConfirmAligned], random,
                nowUtc.AddDays(-random.Next(60, 730))));
        }
        var stepId = firstStep;
        var all = new List<AlignmentStep>();
        for (var i = 0; i < followUps.Count; i++)
        {
            followUps[i].Id = firstId + i;
            foreach (var step in followUps[i].Steps)
            {
                (step.Id, step.FollowUpId) = (stepId++, followUps[i].Id);
                all.Add(step);
            }
        }
        return new DemoAlignmentRows(followUps, all);
    }

    private static AlignmentFollowUp Played(int enterprise, AlignmentAction[] steps, Random random, DateTime start)
    {
        var f = AlignmentFollowUp.Start(enterprise, start);
        var at = start;
        foreach (var action in steps)
        {
            at = at.AddDays(random.Next(1, 20)).AddMinutes(random.Next(600));
            var note = action switch
            {
                AlignmentAction.Contact => "上门讲解注册地迁移政策",
                AlignmentAction.GiveUp => CannotAlign[random.Next(CannotAlign.Length)],
                AlignmentAction.ConfirmAligned => "已完成注册地址变更登记",
                _ => null,
            };
            f.Apply(action, Staff[random.Next(Staff.Length)], note, at);
        }
        return f;
    }
}
